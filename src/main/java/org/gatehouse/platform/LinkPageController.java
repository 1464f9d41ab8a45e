package org.gatehouse.platform;

import java.util.Map;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A {@link LinkPage}: what is behind the token, as JSON for clients that ask for it and as a small HTML page for
 * people, and the answers given through it, either way. A flow's controller says only its own words: its page, the
 * routes and results of its answers, and which of its calls each one makes; the page's words are the process owners'
 * ({@link LinkPages}).
 *
 * @param <W> the flow's {@code *Workflow}, which the page and its answers call
 * @param <V> what the person holding the link sees
 */
public abstract class LinkPageController<W, V> {

    protected final W workflow;
    private final LinkPages pages;
    private final String page;
    private final String viewName;
    private final BiFunction<W, String, V> view;
    private final BiFunction<W, String, String> processInstance;

    /**
     * @param page            the page's name in {@code bpmn/pages/}; it shows {@code viewName} with the {@code token} its
     *                        forms post back to or, once answered, {@code answered} with the answer's result set
     *                        ({@code accepted}, {@code declined}, ...)
     * @param view            what is behind a token that still works
     * @param processInstance the process instance a token belongs to, whose deployment the page comes from
     */
    protected LinkPageController(W workflow, LinkPages pages, String page, String viewName,
            BiFunction<W, String, V> view, BiFunction<W, String, String> processInstance) {
        this.workflow = workflow;
        this.pages = pages;
        this.page = page;
        this.viewName = viewName;
        this.view = view;
        this.processInstance = processInstance;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public V json(@PathVariable String token) {
        return view.apply(workflow, token);
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    public String html(@PathVariable String token, HttpServletResponse response) {
        V shown = json(token);
        return pages.render(processInstance.apply(workflow, token), page, Map.of(viewName, shown, "token", token),
                response);
    }

    /** Records a client's answer, then tells it {@code {"result": result}}. */
    protected static Map<String, String> answer(Runnable answer, String result) {
        answer.run();
        return Map.of("result", result);
    }

    /**
     * Records the answer a person gave with the page's form, then shows the page's words for {@code result}. The
     * process is looked up first: once answered, the token no longer opens anything.
     */
    protected String answerForm(String token, Runnable answer, String result, HttpServletResponse response) {
        String instance = processInstance.apply(workflow, token);
        answer.run();
        return pages.render(instance, page, Map.of("answered", true, result, true), response);
    }
}
