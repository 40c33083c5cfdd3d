package io.portcullis.ui.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Renders a page with what every page shows: the user, their role and the CSRF token for forms. */
@ApplicationScoped
public class Layout {

    private final CurrentUser currentUser;

    public Layout(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public TemplateInstance page(Template template, String nav) {
        return template.data("me", currentUser.me()).data("nav", nav);
    }

    /** For pages answered with a status other than 200 (a form shown again with its error) or with extra headers. */
    public static Response respond(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .header("Cache-Control", "no-store").build();
    }
}
