package org.gatehouse.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hash chain of an export: each entry's hash is SHA-256 over the hash before it (32 bytes) and the entry in its
 * canonical form (its {@link #FIELDS} as a JSON array, UTF-8), starting from a genesis that the installation, the
 * range's start and the filters give. Neither the range's end nor the moment of the export enters the chain (the
 * signature covers them): every export from the same start with the same filters hashes the same entries to the same
 * values, whatever its end, whenever it is made and in either format. So a later export holds an earlier one unchanged
 * exactly when its hash at the earlier one's last entry is the earlier one's last hash.
 */
final class ExportChain {

    static final String VERSION = "gatehouse-audit-export/1";
    /** An entry's fields, in the order the chain hashes them and the files show them. */
    static final List<String> FIELDS = List.of("at", "actor", "kind", "what", "subject", "trail", "detail");
    /** UTC to the microsecond, always as many digits: what the databases keep, written one way. */
    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    /** Jackson's own defaults, not the application's: the files' bytes must not follow a setting. */
    static final ObjectMapper JSON = new ObjectMapper();

    private ExportChain() {
    }

    static String genesis(String installation, String from, String kind, String actor, String partner) {
        return hex(sha256(json(Arrays.asList(VERSION, installation, from, kind, actor, partner))
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The hash of an entry whose fields are {@code fields}, after the one hashed to {@code previous}. */
    static String next(String previous, List<String> fields) {
        byte[] before = HexFormat.of().parseHex(previous);
        byte[] entry = json(fields).getBytes(StandardCharsets.UTF_8);
        byte[] both = Arrays.copyOf(before, before.length + entry.length);
        System.arraycopy(entry, 0, both, before.length, entry.length);
        return hex(sha256(both));
    }

    static List<String> fields(SearchEntry entry) {
        return Arrays.asList(moment(entry.at()), entry.actor(), entry.kind(), entry.what(), entry.subject(),
                entry.trail(), entry.detail());
    }

    static String moment(LocalDateTime utc) {
        return utc == null ? null : MOMENT.format(utc);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line's JSON object, or why it is none. */
    static JsonNode object(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw new IllegalArgumentException("not a JSON object");
    }

    /** A text field of a line's object: a string or null, and present. */
    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !(value.isTextual() || value.isNull())) {
            throw new IllegalArgumentException("no text '" + field + "'");
        }
        return value.isNull() ? null : value.textValue();
    }

    static long number(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("no number '" + field + "'");
        }
        return value.longValue();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
