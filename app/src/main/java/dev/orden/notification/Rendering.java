package dev.orden.notification;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/** A delivery's texts: its template in the recipient's language, filled with the order as it was. */
record Rendering(String language, String subject, String text, String html) {

    /** Throws {@link TemplateRenderer.Invalid} when there is no such template or it does not compile. */
    static Rendering of(NotificationSetup setup, String template, String language, JsonObject snapshot,
                        String recipientName) {
        var chosen = setup.template(template, language)
                .orElseThrow(() -> new TemplateRenderer.Invalid("no template '" + template + "'"));
        var model = OrderSnapshot.model(snapshot, language, recipientName);
        var subject = TemplateRenderer.subject(chosen.subject(), model);
        var text = TemplateRenderer.text(chosen.body(), model, TemplateRenderer.MAX_BODY);
        var link = snapshot.get("link") instanceof JsonString s ? s.getString() : null;
        return new Rendering(language, subject, text, TemplateRenderer.html(text, link));
    }
}
