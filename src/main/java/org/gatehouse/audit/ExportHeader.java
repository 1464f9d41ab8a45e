package org.gatehouse.audit;

import java.security.PublicKey;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.gatehouse.platform.InstallationKey;

/**
 * What an export says of itself, on its first line: what it covers (the range, {@code to} excluded, and the filters),
 * where and when it was made and by whom, the public key that signs it and the chain's genesis.
 *
 * @param installation the engine's installation id, the same on every instance that shares the database
 * @param partner      the organisation's id
 * @param publicKey    base64 of the key's X.509 form
 */
record ExportHeader(String format, String installation, String from, String to, String kind, String actor,
        String partner, String generatedAt, String generatedBy, String publicKey, String keyFingerprint,
        String genesis) {

    static final String TYPE = "header";

    static ExportHeader of(String format, String installation, String from, String to, String kind, String actor,
            String partner, String generatedAt, String generatedBy, PublicKey key) {
        return new ExportHeader(format, installation, from, to, kind, actor, partner, generatedAt, generatedBy,
                Base64.getEncoder().encodeToString(key.getEncoded()), InstallationKey.fingerprint(key),
                ExportChain.genesis(installation, from, kind, actor, partner));
    }

    /** What the genesis must be, from the rest of the header. */
    String expectedGenesis() {
        return ExportChain.genesis(installation, from, kind, actor, partner);
    }

    String json() {
        ObjectNode header = ExportChain.JSON.createObjectNode().put("type", TYPE).put("export", ExportChain.VERSION)
                .put("format", format).put("installation", installation).put("from", from).put("to", to)
                .put("kind", kind).put("actor", actor).put("partner", partner).put("generatedAt", generatedAt)
                .put("generatedBy", generatedBy).put("algorithm", InstallationKey.ALGORITHM).put("publicKey", publicKey)
                .put("keyFingerprint", keyFingerprint).put("genesis", genesis);
        return ExportChain.json(header);
    }

    /** The header a line's JSON gives, or why it gives none; {@link #json()} of it is the line as written. */
    static ExportHeader parse(String json) {
        JsonNode header = ExportChain.object(json);
        if (!TYPE.equals(ExportChain.text(header, "type")) || !ExportChain.VERSION.equals(ExportChain.text(header, "export"))) {
            throw new IllegalArgumentException("not the header of a " + ExportChain.VERSION + " file");
        }
        return new ExportHeader(ExportChain.text(header, "format"), ExportChain.text(header, "installation"),
                ExportChain.text(header, "from"), ExportChain.text(header, "to"), ExportChain.text(header, "kind"),
                ExportChain.text(header, "actor"), ExportChain.text(header, "partner"),
                ExportChain.text(header, "generatedAt"), ExportChain.text(header, "generatedBy"),
                ExportChain.text(header, "publicKey"), ExportChain.text(header, "keyFingerprint"),
                ExportChain.text(header, "genesis"));
    }
}
