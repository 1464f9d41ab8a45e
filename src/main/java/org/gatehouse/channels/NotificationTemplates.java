package org.gatehouse.channels;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.gatehouse.platform.DeployedResources;
import org.springframework.stereotype.Component;

/**
 * The texts of Gatehouse's messages: Mustache templates that the process owners keep in {@code bpmn/notifications/}
 * and deploy with the processes. A template's first line is {@code Subject: ...}, then an empty line, then the text.
 */
@Component
class NotificationTemplates {

    private static final String FOLDER = "notifications/";
    private static final String SUBJECT = "Subject:";

    private final DeployedResources resources;

    NotificationTemplates(DeployedResources resources) {
        this.resources = resources;
    }

    /**
     * The subject and text, from the template of the message's process's deployment, or, where that deployment has none
     * (a message of no process), of the newest deployment that has it.
     */
    Text render(MessageTemplate message) {
        String name = FOLDER + message.name() + ".mustache";
        String source = resources.text(message.processInstanceId(), name);
        int end = source.indexOf('\n');
        if (!source.startsWith(SUBJECT) || end < 0) {
            throw new IllegalStateException(name + " must start with a line 'Subject: ...'");
        }
        // plain text: nothing to escape, and a missing value is an error rather than a silent gap
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).strictSections(true);
        Template subject = compiler.compile(source.substring(SUBJECT.length(), end));
        Template body = compiler.compile(source.substring(end + 1));
        return new Text(subject.execute(message.model()).strip(), body.execute(message.model()).strip());
    }

    record Text(String subject, String body) {
    }
}
