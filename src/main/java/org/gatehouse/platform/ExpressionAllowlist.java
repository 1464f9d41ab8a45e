package org.gatehouse.platform;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed model may be: what Gatehouse's own models use, and nothing more. Literals, plain
 * variable reads, comparisons, boolean logic and choices; a catalogue bean named alone ({@code ${registerApproval}})
 * or one of its methods called with such values as arguments, {@code execution} and {@code task} included
 * ({@code ${accessRequestStatus.set(execution, 'REJECTED', policyReason)}}), and {@code execution.processBusinessKey}
 * for a call activity's business key. Refused: navigating into anything else
 * ({@code execution.processEngineServices}, {@code task.execution}, {@code x.y}, {@code x['y']}), calls on anything but
 * a catalogue bean ({@code execution.getVariable('x')}), calls nested in arguments, functions and arithmetic. The
 * expression is parsed by the engine's own JUEL parser, with the engine's features, so what is checked is what runs.
 */
final class ExpressionAllowlist {

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
    private static final Set<AstBinary.Operator> LOGIC = Set.of(AstBinary.EQ, AstBinary.NE, AstBinary.LT, AstBinary.LE,
            AstBinary.GT, AstBinary.GE, AstBinary.AND, AstBinary.OR);
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "wait", "notify", "notifyAll");

    private final Set<String> catalogueBeans;
    private final Predicate<String> otherBean;

    /**
     * @param catalogueBeans the beans models may name
     * @param otherBean whether a name is a bean of the application outside the catalogue
     */
    ExpressionAllowlist(Set<String> catalogueBeans, Predicate<String> otherBean) {
        this.catalogueBeans = catalogueBeans;
        this.otherBean = otherBean;
    }

    /** Why the expression is refused, or empty when it is allowed. */
    Optional<String> refusal(String expression) {
        try {
            check(PARSER.build(expression.trim()).getRoot(), false);
            return Optional.empty();
        } catch (TreeBuilderException e) {
            return Optional.of("not a valid expression (" + e.getMessage() + ")");
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    private void check(Node node, boolean inArguments) {
        if (node instanceof AstText || node instanceof AstLiteral) {
            return;
        }
        if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested || node instanceof AstChoice) {
            children(node, inArguments);
        } else if (node instanceof AstIdentifier identifier) {
            if (otherBean.test(identifier.getName())) {
                throw new Refused("'" + identifier.getName() + "' is not a bean of the catalogue (bpmn/README.md, Beans)");
            }
        } else if (node instanceof AstUnary unary && unary.getOperator() != AstUnary.NEG) {
            children(node, inArguments);
        } else if (node instanceof AstBinary binary && LOGIC.contains(binary.getOperator())) {
            children(node, inArguments);
        } else if (node instanceof AstMethod method) {
            checkCall(method, inArguments);
        } else if (node instanceof AstDot dot && isBusinessKey(dot)) {
            return;
        } else if (node instanceof AstProperty) {
            throw new Refused("'" + source(node) + "' navigates into an object; only variables are read");
        } else if (node instanceof AstFunction) {
            throw new Refused("'" + source(node) + "' calls a function");
        } else {
            throw new Refused("'" + source(node) + "' is neither a variable, a literal, a comparison nor a call on a "
                    + "catalogue bean");
        }
    }

    /** {@code bean.method(arguments)}: a catalogue bean, an ordinary method, arguments without further calls. */
    private void checkCall(AstMethod method, boolean inArguments) {
        String call = source(method);
        if (inArguments) {
            throw new Refused("'" + call + "' is a call inside a call");
        }
        if (!(method.getChild(0) instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier target)
                || !catalogueBeans.contains(target.getName())) {
            throw new Refused("'" + call + "' calls a method on something that is not a bean of the catalogue "
                    + "(bpmn/README.md, Beans)");
        }
        if (OBJECT_METHODS.contains(methodName(dot))) {
            throw new Refused("'" + call + "' calls " + methodName(dot));
        }
        children(method.getChild(1), true);
    }

    private void children(Node node, boolean inArguments) {
        for (int i = 0; i < node.getCardinality(); i++) {
            check(node.getChild(i), inArguments);
        }
    }

    /**
     * {@code execution.processBusinessKey}, the one property read allowed: how a call activity hands its business key to
     * the called process (a string, which reaches nothing further).
     */
    private static boolean isBusinessKey(AstDot dot) {
        return dot.getChild(0) instanceof AstIdentifier target && target.getName().equals("execution")
                && methodName(dot).equals("processBusinessKey");
    }

    /** The parser keeps a dot's name to itself; its printed form is ". name". */
    private static String methodName(AstDot dot) {
        return dot.toString().substring(2);
    }

    private static String source(Node node) {
        StringBuilder text = new StringBuilder();
        ((AstNode) node).appendStructure(text, null);
        return text.toString();
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
