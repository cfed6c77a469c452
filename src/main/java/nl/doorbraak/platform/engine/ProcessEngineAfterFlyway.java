package nl.doorbraak.platform.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Flyway must see an empty schema on a fresh database before the engine creates its ACT_*
 * tables there, or it refuses to migrate a non-empty schema; so the engine waits for Flyway.
 */
@Component
class ProcessEngineAfterFlyway extends AbstractDependsOnBeanFactoryPostProcessor {

    ProcessEngineAfterFlyway() {
        super(ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer");
    }
}
