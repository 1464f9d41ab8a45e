package org.gatehouse.benchmark;

import org.gatehouse.TestDatabase;

/** How benchmarks print their figures: one framed line, naming the database, easy to find in the build's output. */
final class Figures {

    private Figures() {
    }

    static String database() {
        return TestDatabase.postgres() ? "postgresql" : "h2";
    }

    static void print(String line) {
        String rule = "=".repeat(line.length());
        System.out.println();
        System.out.println(rule);
        System.out.println(line);
        System.out.println(rule);
        System.out.println();
    }

    static double perSecond(int count, long nanos) {
        return count / (nanos / 1e9);
    }
}
