package nl.doorbraak.platform.engine;

import java.util.Map;

import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.ExpressionEvaluator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accessor reads what OGNL read before, through MyBatis's own evaluator of the SQL templates'
 * conditions: a getter, a read method that is not a getter ({@code isOrQueryActive}), a field
 * without any method, a missing property; each twice, the second time from the cache.
 */
class QueryPropertyReadCacheTests {

    /** What a template's conditions read: the kinds of property a Camunda query object has. */
    public static class Query {
        private final String businessKey = "NPLV-2026-00001";
        private final boolean isOrQueryActive = true;
        private final String tenantId = null;
        private int reads;

        public String getBusinessKey() {
            reads++;
            return businessKey;
        }

        public boolean isOrQueryActive() {
            reads++;
            return isOrQueryActive;
        }
    }

    /** OGNL's registry is global: this installs what the application's engine installs in every test JVM. */
    @BeforeAll
    static void install() {
        QueryPropertyReadCache.install();
    }

    @Test
    void installsOnceAsTheAccessorOfEveryObject() throws Exception {
        Object installed = OgnlRuntime.getPropertyAccessor(Object.class);
        QueryPropertyReadCache.install();
        assertThat(installed).isInstanceOf(QueryPropertyReadCache.CachingObjectPropertyAccessor.class);
        assertThat(OgnlRuntime.getPropertyAccessor(Object.class)).isSameAs(installed);
    }

    @Test
    void readsGettersOtherReadMethodsAndFieldsAsOgnlDoes() {
        ExpressionEvaluator evaluator = new ExpressionEvaluator();
        Query query = new Query();
        Map<String, Object> parameters = Map.of("query", query);
        for (int time = 0; time < 2; time++) {
            assertThat(evaluator.evaluateBoolean("query.businessKey == 'NPLV-2026-00001'", parameters)).isTrue();
            assertThat(evaluator.evaluateBoolean("query.isOrQueryActive", parameters)).isTrue();
            assertThat(evaluator.evaluateBoolean("query.tenantId == null", parameters)).isTrue();
            assertThatThrownBy(() -> evaluator.evaluateBoolean("query.noSuchProperty != null", parameters))
                    .hasMessageContaining("noSuchProperty");
        }
        assertThat(query.reads).as("the getter and the read method were called, not bypassed").isEqualTo(4);
    }

    @Test
    void aTaskQueryReadsItsFlagsThroughTheirMethods() {
        TaskQueryImpl query = new TaskQueryImpl();
        query.withoutTenantId();
        ExpressionEvaluator evaluator = new ExpressionEvaluator();
        for (int time = 0; time < 2; time++) {
            assertThat(evaluator.evaluateBoolean("query.isWithoutTenantId", Map.of("query", query))).isTrue();
            assertThat(evaluator.evaluateBoolean("query.isOrQueryActive", Map.of("query", query))).isFalse();
        }
    }
}
