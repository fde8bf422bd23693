package io.kmarket.sandbox.source.dart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.sandbox.market.Company;
import io.kmarket.sandbox.market.Market;
import io.kmarket.sandbox.source.Formats;

/** {@code corpCode.xml}: a ZIP holding CORPCODE.xml with every company, built once (byte-identical per seed). */
@ApplicationScoped
public class CorpCodeArchive {

    private final Market market;
    private volatile byte[] zip;

    public CorpCodeArchive(Market market) {
        this.market = market;
    }

    public byte[] zip() {
        byte[] result = zip;
        if (result == null) {
            result = build();
            zip = result;
        }
        return result;
    }

    private byte[] build() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<result>\n");
        for (Company c : market.dart().companies()) {
            xml.append("    <list>\n")
                    .append("        <corp_code>").append(c.corpCode()).append("</corp_code>\n")
                    .append("        <corp_name>").append(escape(c.name())).append("</corp_name>\n")
                    .append("        <corp_eng_name>").append(escape(c.englishName())).append("</corp_eng_name>\n")
                    // Unlisted companies carry a single space, not an empty element.
                    .append("        <stock_code>").append(c.listing() == null ? " " : c.stockCode()).append("</stock_code>\n")
                    .append("        <modify_date>").append(c.modified().format(Formats.BASIC)).append("</modify_date>\n")
                    .append("    </list>\n");
        }
        xml.append("</result>\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("CORPCODE.xml");
            entry.setTimeLocal(LocalDateTime.of(2026, 1, 1, 0, 0));
            out.putNextEntry(entry);
            out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
