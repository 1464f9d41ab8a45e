package org.gatehouse.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes one export as its entries come: the header, each entry with its {@code seq} and its place in the chain, and
 * at the end the signature over the header, the count and the last hash. Lines end with {@code \n}.
 */
final class ExportWriter {

    private final ExportFormat format;
    private final ExportHeader header;
    private final UnaryOperator<byte[]> signer;
    private final Writer out;
    private String last;
    private long count;

    /** Writes the header and what comes before the first entry. */
    ExportWriter(ExportFormat format, ExportHeader header, UnaryOperator<byte[]> signer, Writer out) throws IOException {
        this.format = format;
        this.header = header;
        this.signer = signer;
        this.out = out;
        this.last = header.genesis();
        line(format.metaLine(header.json()));
        for (String line : format.preamble()) {
            line(line);
        }
    }

    void entry(List<String> fields) throws IOException {
        last = ExportChain.next(last, fields);
        count++;
        line(format.entryLine(count, fields, last));
    }

    /** Signs what was written and ends the file. */
    void finish() throws IOException {
        String signature = Base64.getEncoder().encodeToString(signer.apply(ExportTrailer.signed(header.json(), count,
                last)));
        line(format.metaLine(new ExportTrailer(count, last, signature).json()));
        out.flush();
    }

    private void line(String line) throws IOException {
        out.write(line);
        out.write('\n');
    }
}
