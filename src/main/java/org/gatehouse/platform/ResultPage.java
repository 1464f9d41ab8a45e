package org.gatehouse.platform;

import java.util.List;

/**
 * One page of a list that has no fixed cap: its entries, which page of what size, and how many there are in all.
 *
 * @param page counts from 0
 */
public record ResultPage<T>(List<T> entries, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    /** Refuses a page before it is read: a negative page, or a size of none or over {@link #MAX_SIZE}. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "page counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "size must be between 1 and " + MAX_SIZE);
        }
    }

    /** The first row of {@code page}. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
