package nl.doorbraak.platform.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.util.Either;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * Parses each FEEL expression of the decision tables once. Camunda's FEEL engine parses every
 * input and output entry again on every evaluation (camunda/feel-scala#1149): with the deadlines
 * table evaluated for every new task, parsing was a tenth of the server's CPU samples while
 * municipalities submitted (docs/benchmarks.md, "API submission"). The expressions come from the
 * deployed models, so there are few of them; parsed expressions are immutable and evaluated as
 * before, with the same value mappers and functions.
 */
@Component
class FeelExpressionCache extends AbstractProcessEnginePlugin {

    /** A safety net for expressions that are not from models: far more than all tables hold. */
    static final int MAX_EXPRESSIONS = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // the engine hands its FEEL functions to the DMN configuration after the plugins: read them then
        dmn.setFeelEngineFactory(() -> new CachingScalaFeelEngine(dmn.getFeelCustomFunctionProviders() == null
                ? List.of() : dmn.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** Camunda's FEEL integration, with a FEEL engine that keeps what it parsed. */
    static final class CachingScalaFeelEngine extends ScalaFeelEngine {

        CachingScalaFeelEngine(List<FeelCustomFunctionProvider> functions) {
            super(functions);
        }

        @Override
        protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                                             ValueMapper.CompositeValueMapper valueMapper) {
            return new CachingFeelEngine(functions, valueMapper);
        }
    }

    /** The engine's own evaluation, after a parse that is looked up before it is done. */
    static final class CachingFeelEngine extends FeelEngine {

        private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
        private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

        CachingFeelEngine(CustomFunctionTransformer functions, ValueMapper valueMapper) {
            // as ScalaFeelEngine's builder makes it: its functions and value mappers, no external functions
            super(functions, valueMapper, org.camunda.feel.FeelEngine$.MODULE$.defaultConfiguration().copy(false),
                    org.camunda.feel.FeelEngine$.MODULE$.defaultClock());
        }

        @Override
        public Either<Failure, ParsedExpression> parseExpression(String expression) {
            return cached(expressions, expression, super::parseExpression);
        }

        @Override
        public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
            return cached(unaryTests, expression, super::parseUnaryTests);
        }

        private static Either<Failure, ParsedExpression> cached(Map<String, Either<Failure, ParsedExpression>> cache,
                                                               String expression,
                                                               Function<String, Either<Failure, ParsedExpression>> parse) {
            Either<Failure, ParsedExpression> parsed = cache.get(expression);
            if (parsed == null) {
                parsed = parse.apply(expression);
                if (cache.size() >= MAX_EXPRESSIONS) {
                    cache.clear();
                }
                cache.put(expression, parsed);
            }
            return parsed;
        }
    }
}
