package org.gatehouse.platform;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The engine's expression manager, with the catalogue's beans only and, in front of every other resolver, one that
 * refuses engine and reflection types: a model deployed before the deployment checks, or anything that slips past
 * them, still cannot reach the engine's services, a class or a class loader from an expression.
 */
final class GuardedExpressionManager extends SpringExpressionManager {

    GuardedExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
        super(context, beans);
    }

    @Override
    protected ELResolver createElResolver() {
        var resolver = new CompositeELResolver();
        resolver.add(new EngineTypesResolver());
        resolver.add(super.createElResolver());
        return resolver;
    }

    /** Resolves nothing itself: it only refuses, and otherwise lets the next resolver answer. */
    static final class EngineTypesResolver extends ELResolver {

        private static final Set<String> NAMES = Set.of("processEngineServices", "processEngine", "class", "classLoader",
                "getProcessEngineServices", "getProcessEngine", "getClass", "getClassLoader");
        private static final Set<Class<?>> TYPES = Set.of(ProcessEngine.class, ProcessEngineServices.class,
                ProcessEngineConfiguration.class, Class.class, ClassLoader.class, Module.class, BeanFactory.class);

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            refuse(base, property);
            return null;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
            refuse(base, method);
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            refuse(base, property);
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            refuse(base, property);
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            refuse(base, property);
            return false;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }

        static void refuse(Object base, Object name) {
            if (base != null && (NAMES.contains(String.valueOf(name)) || forbidden(base.getClass()))) {
                throw new ELException("Expressions may not reach the engine or reflection: '" + name + "' of "
                        + base.getClass().getName() + " is refused");
            }
        }

        /** The engine, its services (any {@code org.camunda.bpm.engine.*Service}), Spring's bean factory, reflection. */
        static boolean forbidden(Class<?> type) {
            if (TYPES.stream().anyMatch(t -> t.isAssignableFrom(type)) || type.getPackageName().equals("java.lang.reflect")
                    || type.getPackageName().startsWith("java.lang.invoke")) {
                return true;
            }
            return ClassUtils.getAllInterfacesForClassAsSet(type).stream().anyMatch(i ->
                    i.getPackageName().equals("org.camunda.bpm.engine") && i.getSimpleName().endsWith("Service"));
        }
    }
}
