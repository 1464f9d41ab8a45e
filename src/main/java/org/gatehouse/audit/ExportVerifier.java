package org.gatehouse.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.gatehouse.platform.InstallationKey;

/**
 * Whether an export is as Gatehouse wrote it, without Spring: reads it line by line, writes each line again from what
 * it read and compares (so that any changed byte shows), recomputes the chain from the header's genesis, checks the
 * signature with the header's key, and accepts that key only when its fingerprint is one of {@code trusted} (the
 * installation's own and those its settings name): a file that brings its own key proves nothing by itself. Names
 * the first line that is not as written.
 */
final class ExportVerifier {

    /**
     * @param line   for a broken file, the first line that is not as written (a row's first line, in CSV)
     * @param count  for an intact file, its entries
     * @param hashes for an intact file, the hashes of the entries asked for, by {@code seq}
     */
    record Verdict(boolean intact, long line, String reason, ExportHeader header, long count, String lastHash,
            Map<Long, String> hashes) {

        /** One line for a person: {@code INTACT …} or {@code BROKEN …}. */
        String report(String name) {
            String key = header == null ? "" : ", key " + header.keyFingerprint();
            return intact
                    ? "INTACT " + name + ": " + count + " entries from " + header.from() + " to " + header.to() + filters()
                            + ", last hash " + lastHash + key
                    : "BROKEN " + name + ": line " + line + ": " + reason + key;
        }

        private String filters() {
            StringBuilder filters = new StringBuilder();
            if (header.kind() != null) {
                filters.append(" kind ").append(header.kind());
            }
            if (header.actor() != null) {
                filters.append(" actor ").append(header.actor());
            }
            if (header.partner() != null) {
                filters.append(" partner ").append(header.partner());
            }
            return filters.isEmpty() ? "" : " (" + filters.toString().strip() + ")";
        }
    }

    /** A line the file does not hold as written, and why. */
    private static final class Broken extends Exception {

        private final long line;

        Broken(long line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }
    }

    private final Set<String> trusted;

    ExportVerifier(Set<String> trusted) {
        this.trusted = Set.copyOf(trusted);
    }

    Verdict verify(Path file) throws IOException {
        return verify(file, Set.of());
    }

    /** Keeps the hashes of the entries {@code kept} names, to compare with another export's. */
    Verdict verify(Path file, Set<Long> kept) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return verify(in, kept);
        }
    }

    Verdict verify(InputStream in, Set<Long> kept) throws IOException {
        Records records = new Records(new BufferedInputStream(in));
        ExportHeader header = null;
        try {
            Records.Record first = records.next(null);
            if (first == null) {
                throw new Broken(1, "the file is empty");
            }
            ExportFormat format = ExportFormat.ofHeaderLine(first.text());
            header = header(format, first);
            PublicKey key = key(header);
            for (String expected : format.preamble()) {
                Records.Record line = records.next(format);
                if (line == null || !line.text().equals(expected)) {
                    throw new Broken(line == null ? records.lines() + 1 : line.number(), "not the line '" + expected + "'");
                }
            }
            String last = header.genesis();
            long count = 0;
            Map<Long, String> hashes = new HashMap<>();
            if (kept.contains(0L)) {
                hashes.put(0L, last);
            }
            Records.Record current = records.next(format);
            Records.Record following;
            while (current != null && (following = records.next(format)) != null) {
                last = entry(format, current, ++count, last);
                if (kept.contains(count)) {
                    hashes.put(count, last);
                }
                current = following;
            }
            if (current == null) {
                throw new Broken(records.lines() + 1, "the file ends before its signature");
            }
            signature(format, current, header, key, count, last);
            if (!records.endedWithLineBreak()) {
                throw new Broken(current.number(), "the file does not end with a line break after its signature");
            }
            if (!trusted.contains(header.keyFingerprint())) {
                throw new Broken(1, "signed with a key this installation does not trust (its own: one of " + trusted
                        + "; gatehouse.signing.trusted-keys names others)");
            }
            return new Verdict(true, 0, null, header, count, last, hashes);
        } catch (Broken broken) {
            return new Verdict(false, broken.line, broken.getMessage(), header, 0, null, Map.of());
        }
    }

    private static ExportHeader header(ExportFormat format, Records.Record line) throws Broken {
        ExportHeader header;
        try {
            header = ExportHeader.parse(format.metaJson(line.text()));
        } catch (IllegalArgumentException e) {
            throw new Broken(line.number(), "no export header: " + e.getMessage());
        }
        if (!format.key().equals(header.format())) {
            throw new Broken(line.number(), "the header says " + header.format() + " in a " + format.key() + " file");
        }
        if (!format.metaLine(header.json()).equals(line.text())) {
            throw new Broken(line.number(), "the header is not as Gatehouse writes it");
        }
        if (!Objects.equals(header.genesis(), header.expectedGenesis())) {
            throw new Broken(line.number(), "the genesis does not follow from the header");
        }
        return header;
    }

    private static PublicKey key(ExportHeader header) throws Broken {
        PublicKey key;
        try {
            key = InstallationKey.publicKey(Objects.requireNonNullElse(header.publicKey(), ""));
        } catch (IllegalArgumentException e) {
            throw new Broken(1, "the header's public key does not read");
        }
        if (!InstallationKey.fingerprint(key).equals(header.keyFingerprint())) {
            throw new Broken(1, "the header's key fingerprint is not its public key's");
        }
        return key;
    }

    /** The entry's hash, after checking its place, its hash and its bytes. */
    private static String entry(ExportFormat format, Records.Record line, long seq, String previous) throws Broken {
        ExportFormat.Entry entry;
        try {
            entry = format.entry(line.text());
        } catch (IllegalArgumentException e) {
            throw new Broken(line.number(), "not an entry as Gatehouse writes it: " + e.getMessage());
        }
        if (entry.seq() != seq) {
            throw new Broken(line.number(), "entry " + entry.seq() + " where entry " + seq + " belongs: an entry is "
                    + "missing, added or moved");
        }
        String hash = ExportChain.next(previous, entry.fields());
        if (!hash.equals(entry.hash())) {
            throw new Broken(line.number(), "the hash is not that of this entry after the ones before it");
        }
        if (!format.entryLine(seq, entry.fields(), hash).equals(line.text())) {
            throw new Broken(line.number(), "the entry is not as Gatehouse writes it");
        }
        return hash;
    }

    private static void signature(ExportFormat format, Records.Record line, ExportHeader header, PublicKey key,
            long count, String last) throws Broken {
        ExportTrailer trailer;
        try {
            trailer = ExportTrailer.parse(format.metaJson(line.text()));
        } catch (IllegalArgumentException e) {
            throw new Broken(line.number(), "no signature line at the end: " + e.getMessage());
        }
        if (trailer.count() != count) {
            throw new Broken(line.number(), "the signature counts " + trailer.count() + " entries; the file holds " + count);
        }
        if (!last.equals(trailer.lastHash())) {
            throw new Broken(line.number(), "the signature's last hash is not the last entry's");
        }
        if (!format.metaLine(trailer.json()).equals(line.text())) {
            throw new Broken(line.number(), "the signature line is not as Gatehouse writes it");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(Objects.requireNonNullElse(trailer.signature(), ""));
        } catch (IllegalArgumentException e) {
            throw new Broken(line.number(), "the signature is not base64");
        }
        if (!InstallationKey.verifies(key, ExportTrailer.signed(header.json(), count, last), signature)) {
            throw new Broken(line.number(), "the signature does not verify over the header (line 1), the count and "
                    + "the last hash");
        }
    }

    /**
     * The file's records, strictly UTF-8: a line each, or in CSV, a row whose quoted cells hold line breaks. Lines end
     * with {@code \n} only; a {@code \r} is part of its line.
     */
    private static final class Records {

        record Record(long number, String text) {
        }

        private final InputStream in;
        private long lines;
        private boolean endedWithLineBreak;

        Records(InputStream in) {
            this.in = in;
        }

        long lines() {
            return lines;
        }

        boolean endedWithLineBreak() {
            return endedWithLineBreak;
        }

        /** The next record, or null at the end; {@code format} null: a line. */
        Record next(ExportFormat format) throws IOException, Broken {
            String line = line();
            if (line == null) {
                return null;
            }
            long number = lines;
            StringBuilder record = new StringBuilder(line);
            while (format != null && format.continues(record.toString())) {
                String more = line();
                if (more == null) {
                    throw new Broken(number, "a quoted cell that the file does not end");
                }
                record.append('\n').append(more);
            }
            return new Record(number, record.toString());
        }

        private String line() throws IOException, Broken {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                bytes.write(b);
            }
            if (b == -1 && bytes.size() == 0) {
                return null;
            }
            lines++;
            endedWithLineBreak = b == '\n';
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new Broken(lines, "not UTF-8");
            }
        }
    }
}
