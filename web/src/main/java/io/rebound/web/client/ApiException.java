package io.rebound.web.client;

/** A service answered 4xx or 5xx; the problem it sent, or one made from the status when it sent none. */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient ApiProblem problem;

    public ApiException(int status, ApiProblem problem) {
        super("service answered " + status + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public ApiProblem problem() {
        return problem;
    }

    /** A refusal of what was sent that a form can show next to its fields. */
    public boolean isFormProblem() {
        return status == 400 || status == 409 || status == 422;
    }
}
