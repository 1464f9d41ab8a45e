package org.gatehouse.platform;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The beans that expressions in deployed models may name: Gatehouse's delegates and listeners, and the services marked
 * {@link CalledFromModels}. The engine gets them as its only beans, each looked up when an expression first needs it,
 * so the engine depends on no feature bean while it starts. {@code bpmn/README.md} lists them (a test compares).
 */
@Component
public class ModelBeans {

    private static final List<Class<?>> MODEL_TYPES = List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class);

    private final ConfigurableListableBeanFactory factory;
    private volatile Set<String> names;

    ModelBeans(ConfigurableListableBeanFactory factory) {
        this.factory = factory;
    }

    /** The bean names models may use; found by type and marker without creating any bean. */
    public Set<String> names() {
        if (names == null) {
            Set<String> found = new TreeSet<>();
            MODEL_TYPES.forEach(type -> found.addAll(Arrays.asList(factory.getBeanNamesForType(type, true, false))));
            Arrays.stream(factory.getBeanDefinitionNames())
                    .filter(name -> factory.findAnnotationOnBean(name, CalledFromModels.class, false) != null)
                    .forEach(found::add);
            names = Set.copyOf(found);
        }
        return names;
    }

    /** A bean of the application that is not for models: a model naming it is refused rather than left to fail later. */
    boolean isOtherBean(String name) {
        return factory.containsBean(name) && !names().contains(name);
    }

    /** The engine's view: a read-only map that resolves a bean only when an expression names it. */
    Map<Object, Object> forEngine() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && names().contains(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? factory.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return names().stream().map(name -> Map.entry((Object) name, factory.getBean(name)))
                        .collect(Collectors.toUnmodifiableSet());
            }
        };
    }
}
