package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.metrics.significance.SignificanceParameters;

/**
 * What a research run computes of SIGNIFICANCE.md (section 11): the methods named by
 * {@code --significance}, in the contract's order, and each configured instrument's parameters
 * from the instrument file, in the instruments' order.
 *
 * @param methods    the methods; empty computes none (the monthly job)
 * @param parameters one per configured instrument, in file order
 */
public record SignificanceSettings(List<SignificanceMethod> methods, List<SignificanceParameters> parameters)
        implements Serializable {

    /** No method: the monthly job, and analyses that do not ask. */
    public static final SignificanceSettings NONE = new SignificanceSettings(List.of(), List.of());

    public SignificanceSettings {
        methods = List.copyOf(methods);
        parameters = List.copyOf(parameters);
        if (methods.stream().distinct().count() != methods.size()) {
            throw new IllegalArgumentException("a method is named twice: " + methods);
        }
        if (!methods.stream().sorted().toList().equals(methods)) {
            throw new IllegalArgumentException("methods must come in the contract's order: " + methods);
        }
        parameters.forEach(p -> Objects.requireNonNull(p, "parameters"));
    }

    public boolean any() {
        return !methods.isEmpty();
    }
}
