package nl.doorbraak.platform.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Remembers how the engine's SQL templates read each property of its query objects. Camunda
 * renders every query from MyBatis XML whose conditions OGNL evaluates against the query object
 * (e.g. {@code query.isOrQueryActive} on a task query). When a property has no JavaBean getter,
 * OGNL looks for another read method by scanning every public method of the class, lower-casing
 * and concatenating names, on every evaluation, without remembering the result. A task query has
 * two such properties and some six hundred methods: that scan was a fifth of the server's CPU
 * samples while municipalities submitted (docs/benchmarks.md, "API submission"). This accessor
 * finds the same method once per class and property and then reads exactly as OGNL does: the
 * method if it exists and may be called, the field otherwise.
 */
@Component
class QueryPropertyReadCache extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        install();
    }

    /** Makes the caching accessor OGNL's accessor for objects; OGNL's registry is static, so once is enough. */
    static synchronized void install() {
        try {
            if (!(OgnlRuntime.getPropertyAccessor(Object.class) instanceof CachingObjectPropertyAccessor)) {
                OgnlRuntime.setPropertyAccessor(Object.class, new CachingObjectPropertyAccessor());
            }
        } catch (OgnlException e) {
            throw new IllegalStateException("OGNL has no property accessor for objects", e);
        }
    }

    /** OGNL's accessor for objects, with the read method of each class and property looked up once. */
    static final class CachingObjectPropertyAccessor extends ObjectPropertyAccessor {

        /** Per class, so that a class can still be unloaded with its entries. */
        private final ClassValue<Map<String, Optional<Method>>> readMethods = new ClassValue<>() {
            @Override
            protected Map<String, Optional<Method>> computeValue(Class<?> type) {
                return new ConcurrentHashMap<>();
            }
        };

        @Override
        public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
            if (target == null) {
                return super.getPossibleProperty(context, target, name);
            }
            Class<?> type = target.getClass();
            Method method = readMethods.get(type)
                    .computeIfAbsent(name, property -> Optional.ofNullable(readMethod(type, property))).orElse(null);
            try {
                if (method != null && context.getMemberAccess().isAccessible(context, target, method, name)) {
                    return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
                }
                return OgnlRuntime.getFieldValue(context, target, name, true);
            } catch (InvocationTargetException e) {
                throw new OgnlException(name, e.getTargetException());
            } catch (ReflectiveOperationException e) {
                throw new OgnlException(name, e);
            }
        }

        /** What OGNL's {@code getMethodValue} would call: the getter, or else any read method by name. */
        private static Method readMethod(Class<?> type, String property) {
            Method getter = OgnlRuntime.getGetMethod(type, property);
            return getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null);
        }
    }
}
