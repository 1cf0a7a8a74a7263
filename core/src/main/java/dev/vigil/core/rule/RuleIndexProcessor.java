package dev.vigil.core.rule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.vigil.core.rule.Rule} listing every {@link RuleInfo} class, so rules
 * are discovered without a hand-kept list. The rules module runs it at compile time.
 */
@SupportedAnnotationTypes("dev.vigil.core.rule.RuleInfo")
public final class RuleIndexProcessor extends AbstractProcessor {

    private final Set<String> rules = new TreeSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element e : round.getElementsAnnotatedWith(RuleInfo.class)) {
            rules.add(processingEnv.getElementUtils().getBinaryName((TypeElement) e).toString());
        }
        if (round.processingOver() && !rules.isEmpty()) {
            try (Writer w = processingEnv.getFiler()
                    .createResource(StandardLocation.CLASS_OUTPUT, "", "META-INF/services/" + Rule.class.getName())
                    .openWriter()) {
                for (String rule : rules) {
                    w.write(rule + "\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
