package dev.orden.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TypeSnifferTest {

    private static String sniff(byte[] bytes) {
        return TypeSniffer.sniff(bytes, bytes.length);
    }

    private static String sniff(String text) {
        return sniff(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int... values) {
        var b = new byte[values.length + 32];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    @Test
    void imagesAndDocumentsByTheirMagicNumbers() {
        assertEquals("image/png", sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)));
        assertEquals("image/jpeg", sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
        assertEquals("image/gif", sniff("GIF89a\u0001\u0000"));
        assertEquals("image/webp", sniff("RIFF\u0010\u0000\u0000\u0000WEBPVP8 "));
        assertEquals("application/pdf", sniff("%PDF-1.7\n%âãÏÓ"));
        assertEquals("application/zip", sniff(bytes('P', 'K', 3, 4, 20, 0)));
        assertEquals("image/heic", sniff(bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c')));
        assertEquals("video/mp4", sniff(bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm')));
    }

    @Test
    void executablesWhateverTheyAreCalled() {
        assertEquals(TypeSniffer.EXECUTABLE, sniff(bytes('M', 'Z', 0x90, 0)));
        assertEquals(TypeSniffer.EXECUTABLE, sniff(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1)));
        assertEquals(TypeSniffer.EXECUTABLE, sniff(bytes(0xCF, 0xFA, 0xED, 0xFE)));
        assertEquals(TypeSniffer.EXECUTABLE, sniff("#!/bin/sh\nrm -rf /\n"));
    }

    @Test
    void htmlIsHtmlEvenWhenItDoesNotStartLikeIt() {
        assertEquals(TypeSniffer.HTML, sniff("<!DOCTYPE html><html><body>hi</body></html>"));
        assertEquals(TypeSniffer.HTML, sniff("\uFEFF  <html>"));
        assertEquals(TypeSniffer.HTML, sniff("Just some notes\n<script>alert(1)</script>"));
        assertEquals(TypeSniffer.HTML, sniff("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"));
    }

    @Test
    void svgAndOtherXml() {
        assertEquals(TypeSniffer.SVG, sniff("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
        assertEquals(TypeSniffer.SVG, sniff("<!-- logo -->\n<svg viewBox=\"0 0 1 1\"></svg>"));
        assertEquals(TypeSniffer.XML, sniff("<?xml version=\"1.0\"?><order/>"));
    }

    @Test
    void textIsUtf8WithoutNulBytes() {
        assertEquals(TypeSniffer.TEXT, sniff("serial;model\n12;X100\nÑandú;ö\n"));
        assertEquals(TypeSniffer.UNKNOWN, sniff(bytes('a', 'b', 0, 'c')));
        assertEquals(TypeSniffer.UNKNOWN, sniff(new byte[] {'a', (byte) 0xC3, 'b'}));
        assertEquals(TypeSniffer.UNKNOWN, sniff(new byte[0]));
    }

    @Test
    void aMultiByteCharacterCutOffAtTheEndOfAFullHeadIsStillText() {
        var head = new byte[TypeSniffer.HEAD_BYTES];
        Arrays.fill(head, (byte) 'a');
        head[head.length - 1] = (byte) 0xC3;
        assertEquals(TypeSniffer.TEXT, sniff(head));
    }

    @Test
    void theDeclaredTypeOnlyRefinesWhatTheBytesCannotTell() {
        var docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        assertEquals(docx, TypeSniffer.resolve(TypeSniffer.ZIP, null, "Informe.DOCX"));
        assertEquals(docx, TypeSniffer.resolve(TypeSniffer.ZIP, docx, "informe"));
        assertEquals("text/csv", TypeSniffer.resolve(TypeSniffer.TEXT, "text/plain", "parts.csv"));
        assertEquals("text/csv", TypeSniffer.resolve(TypeSniffer.TEXT, "application/csv", "parts"));
        assertEquals("image/jpeg", TypeSniffer.resolve("image/jpeg", "image/jpg", "foto.jpg"));
        assertEquals("image/png", TypeSniffer.resolve("image/png", "application/octet-stream", "x"));
    }

    @Test
    void aDeclaredTypeTheBytesContradictIsRefused() {
        assertNull(TypeSniffer.resolve("application/pdf", "image/png", "photo.png"));
        assertNull(TypeSniffer.resolve(TypeSniffer.HTML, "text/plain", "notes.txt"));
        assertNull(TypeSniffer.resolve(TypeSniffer.TEXT, "text/html", "page.txt"));
        assertNull(TypeSniffer.resolve(TypeSniffer.EXECUTABLE, "image/jpeg", "cat.jpg"));
    }
}
