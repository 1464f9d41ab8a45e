package org.gatehouse.platform;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of Gatehouse's own API is RFC 9457 problem+json; input errors carry {@code errors: [{field, message}]}
 * so that a client can point at the field.
 */
@RestControllerAdvice(basePackages = "org.gatehouse")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return fieldProblem(HttpStatus.CONFLICT, e.getMessage(), List.of(fieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return fieldProblem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(fieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> fieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return fieldProblem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
    }

    /** A model bundle or a migration refused whole: 422, one error per reason; nothing of it is done. */
    @ExceptionHandler(ModelChangeRefusedException.class)
    ProblemDetail refusedModelChange(ModelChangeRefusedException e) {
        return fieldProblem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage().substring(0, e.getMessage().indexOf(':'))
                + "; nothing of it is done", e.reasons().stream().map(reason -> fieldError("model", reason)).toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> fieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(fieldProblem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof TextInput.RefusedText refused) {
            return ResponseEntity.badRequest().body(fieldProblem(HttpStatus.BAD_REQUEST, "The request has invalid fields",
                    List.of(fieldError(field(refused.getPath()), refused.getOriginalMessage()))));
        }
        var problem = problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this endpoint");
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String message = mismatch instanceof InvalidFormatException bad
                    ? "'" + bad.getValue() + "' is not a valid value"
                    : "has the wrong type";
            problem.setProperty("errors", List.of(fieldError(field(mismatch.getPath()), message)));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** A path variable or request parameter that does not read as its type ({@code /api/tickets/abc}, {@code ?status=NOPE}). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String message = "'" + clip(String.valueOf(e.getValue())) + "' is not " + (type != null && type.isEnum()
                ? "one of " + Arrays.toString(type.getEnumConstants())
                : "a valid " + (type == null ? "value" : type.getSimpleName().toLowerCase(Locale.ROOT)));
        return ResponseEntity.badRequest().body(fieldProblem(HttpStatus.BAD_REQUEST, "The request has an invalid parameter",
                List.of(fieldError(name, message))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(fieldProblem(HttpStatus.BAD_REQUEST, "The request lacks a parameter",
                List.of(fieldError(e.getParameterName(), "is required"))));
    }

    private static String clip(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }

    /** The innermost named field of a JSON path ({@code members[2]} names {@code members}). */
    private static String field(List<JsonMappingException.Reference> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).getFieldName() != null) {
                return path.get(i).getFieldName();
            }
        }
        return "body";
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    private static ProblemDetail fieldProblem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        var problem = problem(status, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
