package io.edgesplit.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum constant's spelling in the JSON files (docs/formats.md), e.g. {@code total-latency}: one place for
 * the lookup and for the list of accepted spellings that error messages show.
 */
public interface JsonName {
    /** The spelling in files. */
    String json();

    /** The constant spelled {@code s}, or null. */
    static <E extends Enum<E> & JsonName> E find(Class<E> type, String s) {
        for (E e : type.getEnumConstants()) if (e.json().equals(s)) return e;
        return null;
    }

    /** Every spelling, comma-separated, for "expected one of ..." messages. */
    static <E extends Enum<E> & JsonName> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(JsonName::json).collect(Collectors.joining(", "));
    }
}
