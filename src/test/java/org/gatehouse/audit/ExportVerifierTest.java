package org.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.gatehouse.platform.InstallationKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chain and the verifier alone, no Spring: an export verifies; any changed byte, a missing, added or moved line,
 * another key or a signature that is not the installation's does not, and the verdict names the first line that is
 * not as written. The chain is the same for the same entries, in both formats and whatever the range's end.
 */
class ExportVerifierTest {

    private static final KeyPair KEY = pair();
    private static final Set<String> TRUSTED = Set.of(InstallationKey.fingerprint(KEY.getPublic()));
    /** Values a file must carry as they are: missing and empty, separators, quotes, line breaks, formulas, accents. */
    private static final List<List<String>> ENTRIES = List.of(
            entry("2031-03-01T10:00:00.000000Z", "alice", "access-request", "SUBMITTED", "req-1", "/api/audit/access-requests/req-1", null),
            entry("2031-03-01T10:00:00.000000Z", "bob", "access-request", "HOST_APPROVED", "req-1", "/api/audit/access-requests/req-1",
                    "Fine, \"really\"\nfine"),
            entry("2031-03-02T08:30:00.250000Z", "pia@partner.example", "approval", "REJECTED", "ap-1", null, ""),
            entry("2031-03-02T09:00:00.000000Z", "hana", "teams", "VERSION 1", "hr", null, "=HYPERLINK(\"x\")"),
            entry("2031-03-03T09:00:00.000000Z", "gatehouse", "ticket", "STATUS", "42", null, "'quoted' and -minus, @at"),
            entry("2031-03-03T09:00:00.000001Z", "zoë", "imports", "EMPLOYEES COMPLETED", "7", null, "Ünïcödé\r\nline\ttab"));

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void anExportAsWrittenIsIntact(ExportFormat format) {
        ExportVerifier.Verdict verdict = verify(export(format, ENTRIES, "2031-03-04T00:00:00.000000Z"));
        assertThat(verdict.intact()).as(verdict.report("export")).isTrue();
        assertThat(verdict.count()).isEqualTo(ENTRIES.size());
        assertThat(verdict.report("export")).startsWith("INTACT export: 6 entries from 2031-03-01T00:00:00.000000Z to "
                + "2031-03-04T00:00:00.000000Z (actor hana)").contains(verdict.lastHash())
                .endsWith(InstallationKey.fingerprint(KEY.getPublic()));
        assertThat(verify(export(format, List.of(), "2031-03-04T00:00:00.000000Z")).intact()).as("no entries").isTrue();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void everyChangedByteBreaksIt(ExportFormat format) {
        byte[] file = export(format, ENTRIES, "2031-03-04T00:00:00.000000Z");
        for (int i = 0; i < file.length; i++) {
            for (int flip : new int[] {0x01, 0x20}) {
                byte[] changed = file.clone();
                changed[i] ^= (byte) flip;
                assertThat(verify(changed).intact()).as("byte %d ^ %x: %s", i, flip, new String(changed,
                        StandardCharsets.UTF_8)).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void theVerdictNamesTheFirstLineThatIsNotAsWritten(ExportFormat format) {
        List<String> lines = lines(export(format, ENTRIES, "2031-03-04T00:00:00.000000Z"));
        int first = format == ExportFormat.CSV ? 3 : 2;
        // the lines of the third entry (a line number counts from 1); in CSV, the second entry spans two lines
        int third = first + 2 + (format == ExportFormat.CSV ? 1 : 0);
        int signature = lines.size();

        List<String> changed = new ArrayList<>(lines);
        changed.set(third - 1, changed.get(third - 1).replace("REJECTED", "APPROVED"));
        assertBroken(changed, third, "hash");

        List<String> removed = new ArrayList<>(lines);
        removed.remove(third - 1);
        assertBroken(removed, third, "missing, added or moved");

        List<String> swapped = new ArrayList<>(lines);
        swapped.set(third - 1, lines.get(third));
        swapped.set(third, lines.get(third - 1));
        assertBroken(swapped, third, "missing, added or moved");

        List<String> forged = new ArrayList<>(lines);
        String trailer = forged.get(signature - 1);
        int at = trailer.indexOf("\"signature\":\"") + 13;
        forged.set(signature - 1, trailer.substring(0, at) + (trailer.charAt(at) == 'A' ? 'B' : 'A') + trailer.substring(at + 1));
        assertBroken(forged, signature, "signature does not verify");

        List<String> cut = new ArrayList<>(lines.subList(0, signature - 1));
        // the last entry, which spans two lines in CSV, is taken for the signature
        assertBroken(cut, format == ExportFormat.CSV ? signature - 2 : signature - 1, "no signature line");

        List<String> later = new ArrayList<>(lines);
        later.set(0, lines.get(0).replace("2031-03-04", "2031-03-05"));
        assertBroken(later, signature, "signature does not verify");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void aFileSignedWithAKeyThatIsNotTrustedIsBrokenWhateverItsOwnSignatureSays(ExportFormat format) throws IOException {
        KeyPair other = pair();
        byte[] file = export(format, ENTRIES, "2031-03-04T00:00:00.000000Z", other);
        ExportVerifier.Verdict verdict = verify(file);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.line()).isEqualTo(1);
        assertThat(verdict.report("export")).contains("does not trust").endsWith(InstallationKey.fingerprint(other.getPublic()));
        assertThat(new ExportVerifier(Set.of(InstallationKey.fingerprint(other.getPublic()))).verify(stream(file), Set.of()).intact())
                .as("trusted by name").isTrue();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void theSameEntriesHashTheSameWhateverTheEndTheMomentAndTheFormat(ExportFormat format) {
        byte[] earlierFile = export(format, ENTRIES.subList(0, 4), "2031-03-03T00:00:00.000000Z");
        List<String> earlier = hashes(earlierFile, format);
        List<String> later = hashes(export(ExportFormat.JSONL, ENTRIES, "2031-03-04T00:00:00.000000Z"), ExportFormat.JSONL);
        assertThat(later.subList(0, earlier.size())).isEqualTo(earlier);
        assertThat(verify(earlierFile).lastHash()).as("the earlier export's last hash is the later one's at its last entry")
                .isEqualTo(later.get(3));

        List<List<String>> rewritten = new ArrayList<>(ENTRIES);
        rewritten.set(1, entry("2031-03-01T10:00:00.000000Z", "bob", "access-request", "HOST_REJECTED", "req-1",
                "/api/audit/access-requests/req-1", "Fine"));
        List<String> after = hashes(export(format, rewritten, "2031-03-04T00:00:00.000000Z"), format);
        assertThat(after.get(0)).isEqualTo(later.get(0));
        assertThat(after.subList(1, after.size())).as("a rewritten entry changes its hash and every one after it")
                .doesNotContainAnyElementsOf(later);
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void theFileCarriesTheValuesAsTheyAre(ExportFormat format) {
        byte[] file = export(format, ENTRIES, "2031-03-04T00:00:00.000000Z");
        assertThat(entries(file, format).stream().map(ExportFormat.Entry::fields).toList()).isEqualTo(ENTRIES);
        assertThat(entries(file, format).stream().map(ExportFormat.Entry::seq).toList()).containsExactly(1L, 2L, 3L, 4L,
                5L, 6L);
        if (format == ExportFormat.CSV) {
            assertThat(lines(file).get(1)).isEqualTo("seq,at,actor,kind,what,subject,trail,detail,hash");
            assertThat(new String(file, StandardCharsets.UTF_8)).as("no formula a spreadsheet would run")
                    .contains(",\"'=HYPERLINK(\"\"x\"\")\",").contains(",\"''quoted' and -minus, @at\",")
                    .as("missing").contains(",req-1,/api/audit/access-requests/req-1,,")
                    .as("empty").contains(",\"\",");
        }
    }

    // --- helpers

    private static List<String> entry(String... fields) {
        return Arrays.asList(fields);
    }

    private static byte[] export(ExportFormat format, List<List<String>> entries, String to) {
        return export(format, entries, to, KEY);
    }

    private static byte[] export(ExportFormat format, List<List<String>> entries, String to, KeyPair key) {
        ExportHeader header = ExportHeader.of(format.key(), "installation-1", "2031-03-01T00:00:00.000000Z", to, null,
                "hana", null, "2031-03-05T12:00:00.123456Z", "aude", key.getPublic());
        StringWriter out = new StringWriter();
        try {
            ExportWriter writer = new ExportWriter(format, header, message -> InstallationKey.sign(key.getPrivate(), message), out);
            for (List<String> entry : entries) {
                writer.entry(entry);
            }
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ExportVerifier.Verdict verify(byte[] file) {
        try {
            return new ExportVerifier(TRUSTED).verify(stream(file), Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertBroken(List<String> lines, int line, String reason) {
        ExportVerifier.Verdict verdict = verify((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.line()).as(verdict.report("export")).isEqualTo(line);
        assertThat(verdict.reason()).contains(reason);
        assertThat(verdict.report("export")).startsWith("BROKEN export: line " + line + ": ");
    }

    /** Each entry's hash, in order. */
    private static List<String> hashes(byte[] file, ExportFormat format) {
        return entries(file, format).stream().map(ExportFormat.Entry::hash).toList();
    }

    /** The entries between the header (and the column names) and the signature, as the format reads them. */
    private static List<ExportFormat.Entry> entries(byte[] file, ExportFormat format) {
        List<String> lines = lines(file);
        List<ExportFormat.Entry> entries = new ArrayList<>();
        for (int line = 1 + format.preamble().size(); line < lines.size() - 1; line++) {
            StringBuilder record = new StringBuilder(lines.get(line));
            while (format.continues(record.toString())) {
                record.append('\n').append(lines.get(++line));
            }
            entries.add(format.entry(record.toString()));
        }
        return entries;
    }

    /** The file's lines, each without its line break. */
    private static List<String> lines(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    private static ByteArrayInputStream stream(byte[] file) {
        return new ByteArrayInputStream(file);
    }

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance(InstallationKey.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
