package dev.orden.notification;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.MapObjectHandler;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Renders tenant-written Mustache templates, which are untrusted: logic-less (no code), no partials (a
 * {@code {{> name}}} would read the server's files, so none resolves), the model only strings, lists and maps
 * built by Orden, and the output cut to a bound. Text is rendered as written; HTML is that text escaped as a
 * whole, template and values alike, so a template can inject no markup into the mail either.
 */
final class TemplateRenderer {

    static final int MAX_SUBJECT = 255;
    static final int MAX_BODY = 20_000;

    /** A template that does not compile: the reason, for the draft check and the delivery log. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private static final class TextFactory extends DefaultMustacheFactory {
        TextFactory() {
            super(name -> null);
            // Values are looked up in maps only: no getter or method of any object is ever called.
            setObjectHandler(new MapObjectHandler());
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private TemplateRenderer() {}

    /** The template rendered with {@code model}, as plain text, at most {@code limit} characters. */
    static String text(String template, Map<String, Object> model, int limit) {
        var writer = new StringWriter();
        try {
            new TextFactory().compile(new StringReader(template), "template").execute(writer, model);
        } catch (MustacheException e) {
            throw new Invalid(reason(e));
        }
        var text = writer.toString();
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    /** A subject: one line. */
    static String subject(String template, Map<String, Object> model) {
        return text(template, model, MAX_SUBJECT * 4).replaceAll("\\s+", " ").strip()
                .transform(s -> s.length() <= MAX_SUBJECT ? s : s.substring(0, MAX_SUBJECT - 1) + "…");
    }

    /** Why a template does not compile, or null when it does. */
    static String check(String template) {
        try {
            new TextFactory().compile(new StringReader(template), "template");
            return null;
        } catch (MustacheException e) {
            return reason(e);
        }
    }

    /** The text body as an HTML document: everything escaped, line breaks kept, the order's link clickable. */
    static String html(String text, String link) {
        var html = new StringBuilder("<!DOCTYPE html><html><body><div style=\"font-family:sans-serif\">");
        html.append(escape(text).replace("\n", "<br>\n"));
        if (link != null) {
            html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(link)).append("</a></p>");
        }
        return html.append("</div></body></html>").toString();
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String reason(MustacheException e) {
        var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace("@[template:", "at line ").replace("]", "");
    }
}
