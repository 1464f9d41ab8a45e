package org.gatehouse.platform;

import java.util.Map;
import java.util.function.BiFunction;

import com.samskivert.mustache.Template;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A {@link LinkPage}: what is behind the token, as JSON for clients that ask for it and as a small HTML page for
 * people, and the answers given through it, either way. A flow's controller says only its own words: its template,
 * the routes and words of its answers, and which of its calls each one makes.
 *
 * @param <W> the flow's {@code *Workflow}, which the page and its answers call
 * @param <V> what the person holding the link sees
 */
public abstract class LinkPageController<W, V> {

    protected final W workflow;
    private final Template page;
    private final String viewName;
    private final BiFunction<W, String, V> view;

    /**
     * @param template the page's template, under {@code templates/}; it shows {@code viewName} with the {@code token}
     *                 its forms post back to, or, once answered, the words {@code answered}
     * @param view     what is behind a token that still works
     */
    protected LinkPageController(W workflow, String template, String viewName, BiFunction<W, String, V> view) {
        this.workflow = workflow;
        this.page = HtmlPages.load(template);
        this.viewName = viewName;
        this.view = view;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public V json(@PathVariable String token) {
        return view.apply(workflow, token);
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    public String html(@PathVariable String token) {
        return page.execute(Map.of(viewName, json(token), "token", token));
    }

    /** Records a client's answer, then tells it {@code {"result": result}}. */
    protected static Map<String, String> answer(Runnable answer, String result) {
        answer.run();
        return Map.of("result", result);
    }

    /** Records the answer a person gave with the page's form, then tells them {@code words}. */
    protected String answerForm(Runnable answer, String words) {
        answer.run();
        return page.execute(Map.of("answered", words));
    }
}
