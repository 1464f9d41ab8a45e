package org.gatehouse.platform;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One variable of a process's contract, declared once, with its name and type, in the process's {@code *Process} class
 * (in the manner of holunda-io's camunda-bpm-data):
 * {@code ProcessVariable<String> REQUESTER = stringVariable("requester")}. Java reads and writes the variable only
 * through its declaration, so the name is spelt once, the compiler checks the type, and what is stored stays what
 * running instances of older deployments hold. A value that a form or a client sent and that is not of the type is
 * refused with an {@link InvalidInputException} naming the variable.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;
    private final String expected;
    private final Function<Object, T> read;
    private final Function<T, Object> write;

    private ProcessVariable(String name, Class<T> type, String expected, Function<Object, T> read,
            Function<T, Object> write) {
        this.name = name;
        this.type = type;
        this.expected = expected;
        this.read = read;
        this.write = write;
    }

    /** Any value reads as its text, as the engine's forms and the REST API may send a number for a text. */
    public static ProcessVariable<String> stringVariable(String name) {
        return new ProcessVariable<>(name, String.class, "a text", Object::toString, value -> value);
    }

    /** A yes or no: a Boolean, or the text {@code true} or {@code false} as a client may send it. */
    public static ProcessVariable<Boolean> booleanVariable(String name) {
        return new ProcessVariable<>(name, Boolean.class, "true or false", value -> {
            if (value instanceof Boolean b) {
                return b;
            }
            String text = value.toString().strip();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.valueOf(text);
            }
            throw new IllegalArgumentException(text);
        }, value -> value);
    }

    /** A whole number, stored as a Long. */
    public static ProcessVariable<Long> longVariable(String name) {
        return new ProcessVariable<>(name, Long.class, "a whole number", value -> {
            if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                return ((Number) value).longValue();
            }
            return Long.valueOf(value.toString().strip());
        }, value -> value);
    }

    /**
     * A date, stored as its ISO text ("2027-01-31"), which the Camunda Forms date field sends and FEEL's date() reads;
     * a time part that a form may add is ignored.
     */
    public static ProcessVariable<LocalDate> dateVariable(String name) {
        return new ProcessVariable<>(name, LocalDate.class, "a date (yyyy-mm-dd)", value -> {
            String text = value.toString();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        }, LocalDate::toString);
    }

    /** A moment, as the domain keeps it (in UTC), stored as the engine's Date, which timers and the forms read. */
    public static ProcessVariable<LocalDateTime> timestampVariable(String name) {
        return new ProcessVariable<>(name, LocalDateTime.class, "a date and time", value -> {
            if (value instanceof Date date) {
                return LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
            }
            throw new IllegalArgumentException(value.toString());
        }, value -> Date.from(value.toInstant(ZoneOffset.UTC)));
    }

    /**
     * An ISO-8601 duration in days, hours and minutes ({@code P14D}, {@code PT12H}), as a model gives a step in an
     * input parameter; stored as its text, which timers and due dates read.
     */
    public static ProcessVariable<Duration> durationVariable(String name) {
        return new ProcessVariable<>(name, Duration.class,
                "an ISO-8601 duration in days, hours or minutes (P14D, PT12H)",
                value -> Duration.parse(value.toString().strip()), Duration::toString);
    }

    public String name() {
        return name;
    }

    /** The Java type the variable reads as. */
    public Class<T> type() {
        return type;
    }

    /** The value, or null when the variable is unset, null or (but for a text) blank. */
    public T from(VariableScope scope) {
        return typed(scope.getVariable(name));
    }

    /**
     * The step's own input parameter ({@code camunda:inputOutput}), which the model gives it: only the step's local
     * variable counts, never a process variable of the same name that a client may have set at the start.
     */
    public T input(VariableScope scope) {
        T value = typed(scope.getVariableLocal(name));
        if (value == null) {
            throw new InvalidInputException(name, name + " is required as an input parameter of the step in the model ("
                    + expected + ")");
        }
        return value;
    }

    private T typed(Object value) {
        if (value == null || type != String.class && value instanceof String text && text.isBlank()) {
            return null;
        }
        try {
            return read.apply(value);
        } catch (RuntimeException e) {
            throw new InvalidInputException(name, name + " must be " + expected + ", not '" + value + "'");
        }
    }

    /** The value, which the step cannot do without. */
    public T required(VariableScope scope) {
        T value = from(scope);
        if (value == null) {
            throw new InvalidInputException(name, name + " is required (" + expected + ")");
        }
        return value;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, stored(value));
    }

    /** Sets the variable on the scope itself (a task's own variable), not on the execution that holds it. */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, stored(value));
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    /** Puts the value into the variables of a start, a correlation or a task's completion. */
    public void putIn(Map<String, Object> variables, T value) {
        variables.put(name, stored(value));
    }

    /** The value as an entry of such variables, for {@code Map.ofEntries} (which takes no nulls). */
    public Map.Entry<String, Object> entry(T value) {
        return Map.entry(name, stored(value));
    }

    private Object stored(T value) {
        return value == null ? null : write.apply(value);
    }

    @Override
    public String toString() {
        return name + " (" + type.getSimpleName() + ")";
    }
}
