package dev.staffing.assignment.api;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every bad request answered as an RFC 9457 problem ({@code application/problem+json}) whose detail names
 * the parameter, path or body that was wrong and the value it had. Spring's answers already are problems;
 * this gives the ones whose detail would not say which parameter or value a detail that does.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final int MAX_VALUE_LENGTH = 200;

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String what = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? describe(mismatch.getParameter(), mismatch.getName())
                : "Property '" + ex.getPropertyName() + "'";
        String detail = what + " is '" + shorten(String.valueOf(ex.getValue())) + "'; expected "
                + expected(ex.getRequiredType());
        return handleExceptionInternal(ex, problem(status, detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getParameterValidationResults().stream()
                .map(ProblemDetailsAdvice::describe)
                .collect(Collectors.joining("; "));
        ProblemDetail body = ex.getBody();
        body.setDetail(detail);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ex.getBody();
        body.setDetail("No endpoint " + ex.getHttpMethod() + " " + path(request, "/" + ex.getResourcePath()));
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ex.getBody();
        body.setDetail("Method " + ex.getMethod() + " is not supported on " + path(request, "this path")
                + "; supported: " + (ex.getSupportedMethods() == null ? "none"
                        : String.join(", ", ex.getSupportedMethods())));
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String detail = "The request body of " + path(request, "this request") + " is not readable JSON: "
                + shorten(reason.lines().findFirst().orElse(reason));
        return handleExceptionInternal(ex, problem(status, detail), headers, status, request);
    }

    private static String describe(ParameterValidationResult result) {
        String violations = result.getResolvableErrors().stream()
                .map(MessageSourceResolvable::getDefaultMessage)
                .collect(Collectors.joining(", "));
        return describe(result.getMethodParameter(), result.getMethodParameter().getParameterName()) + " is '"
                + shorten(String.valueOf(result.getArgument())) + "'; it " + violations;
    }

    private static String describe(MethodParameter parameter, String fallbackName) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null) {
            return "Query parameter '" + (query.name().isEmpty() ? fallbackName : query.name()) + "'";
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null) {
            return "Path variable '" + (path.name().isEmpty() ? fallbackName : path.name()) + "'";
        }
        return "Parameter '" + fallbackName + "'";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }

    private static ProblemDetail problem(HttpStatusCode status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    private static String path(WebRequest request, String fallback) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : fallback;
    }

    private static String shorten(String value) {
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "...";
    }
}
