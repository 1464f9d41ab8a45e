package org.gatehouse.platform;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which variables are private, process by process, as the features' {@link ProcessRules} say: what the engine's history
 * keeps without a value ({@link PrivateHistory}), and what the auditors' trail never reads from it.
 */
public final class PrivateVariables {

    /** A name as FEEL and JUEL spell one; a private name inside a string literal counts too, erring on the safe side. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

    private final Map<String, Set<String>> byProcess;
    private final Set<String> all;

    private PrivateVariables(Map<String, Set<String>> byProcess) {
        this.byProcess = byProcess;
        this.all = new HashSet<>();
        byProcess.values().forEach(all::addAll);
    }

    public static PrivateVariables of(Collection<? extends ProcessRules> rules) {
        Map<String, Set<String>> byProcess = new HashMap<>();
        for (ProcessRules rule : rules) {
            byProcess.computeIfAbsent(rule.processKey(), key -> new HashSet<>()).addAll(rule.privateVariables());
        }
        return new PrivateVariables(byProcess);
    }

    boolean isPrivate(String processKey, String variable) {
        return processKey != null && byProcess.getOrDefault(processKey, Set.of()).contains(variable);
    }

    /**
     * Whether an expression names a private variable of any process: a decision does not know which process
     * evaluates it (or whether one does), so its inputs are judged by every process's private names.
     */
    public boolean readBy(String expression) {
        return !readIn(expression).isEmpty();
    }

    /** The private names an expression reads, by the same judgement as {@link #readBy}. */
    public Set<String> readIn(String expression) {
        Set<String> read = new HashSet<>();
        if (expression != null) {
            Matcher names = NAME.matcher(expression);
            while (names.find()) {
                if (all.contains(names.group())) {
                    read.add(names.group());
                }
            }
        }
        return read;
    }
}
