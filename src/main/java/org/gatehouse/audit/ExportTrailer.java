package org.gatehouse.audit;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.platform.InstallationKey;

/**
 * An export's last line: how many entries it holds, the last one's hash (the genesis when it holds none) and the
 * installation key's signature over the header and those two ({@link #signed}).
 *
 * @param signature base64
 */
record ExportTrailer(long count, String lastHash, String signature) {

    static final String TYPE = "signature";

    /** What the signature signs: the header's line as JSON, the count and the last hash, a line each. */
    static byte[] signed(String headerJson, long count, String lastHash) {
        return (headerJson + "\n" + count + "\n" + lastHash).getBytes(StandardCharsets.UTF_8);
    }

    String json() {
        return ExportChain.json(ExportChain.JSON.createObjectNode().put("type", TYPE).put("count", count)
                .put("lastHash", lastHash).put("algorithm", InstallationKey.ALGORITHM).put("signature", signature));
    }

    /** The trailer a line's JSON gives, or why it gives none; {@link #json()} of it is the line as written. */
    static ExportTrailer parse(String json) {
        JsonNode trailer = ExportChain.object(json);
        if (!TYPE.equals(ExportChain.text(trailer, "type"))) {
            throw new IllegalArgumentException("not the signature line");
        }
        return new ExportTrailer(ExportChain.number(trailer, "count"), ExportChain.text(trailer, "lastHash"),
                ExportChain.text(trailer, "signature"));
    }
}
