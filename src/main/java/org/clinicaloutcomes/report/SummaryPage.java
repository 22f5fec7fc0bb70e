package org.clinicaloutcomes.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The report's {@code summary.html} (REPORTS.md, "The summary page"): one self-contained page
 * for a browser or a printed staff meeting, from the same tables, words and chart PNGs as the
 * workbook ({@link SummaryPageModel}), laid out by the template {@value #TEMPLATE} on the class
 * path (Thymeleaf, HTML mode: every text from the input is escaped). Styles are inline and the
 * charts embedded as data URIs, so the page makes no request. It holds no client ID and no
 * episode-level row. The same tables give the same bytes.
 */
public final class SummaryPage {

    /** The template, under {@code src/main/resources}. */
    static final String TEMPLATE = "templates/summary.html";

    private static final TemplateEngine ENGINE = engine();

    private SummaryPage() {
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(SummaryPage.class.getClassLoader());
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** The page's HTML. */
    public static String render(OutcomeTables tables, RunDescription run, List<RenderedChart> charts) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("page", SummaryPageModel.of(tables, run, charts));
        return ENGINE.process(TEMPLATE, context);
    }

    /** Writes the page to {@code file} (UTF-8). */
    public static void write(Path file, OutcomeTables tables, RunDescription run, List<RenderedChart> charts)
            throws IOException {
        Files.writeString(file, render(tables, run, charts), StandardCharsets.UTF_8);
    }
}
