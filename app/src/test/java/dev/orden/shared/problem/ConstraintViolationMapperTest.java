package dev.orden.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintViolationMapperTest {

    private record Node(String name, ElementKind kind) implements Path.Node {
        public String getName() { return name; }
        public boolean isInIterable() { return false; }
        public Integer getIndex() { return null; }
        public Object getKey() { return null; }
        public ElementKind getKind() { return kind; }
        public <T extends Path.Node> T as(Class<T> type) { return type.cast(this); }
    }

    private record NodePath(List<Path.Node> nodes) implements Path {
        public Iterator<Path.Node> iterator() { return nodes.iterator(); }
    }

    /** Only the path matters to the mapper's field naming. */
    private record Violation(Path path) implements ConstraintViolation<Object> {
        public String getMessage() { return "is required"; }
        public String getMessageTemplate() { return "is required"; }
        public Object getRootBean() { return null; }
        public Class<Object> getRootBeanClass() { return Object.class; }
        public Object getLeafBean() { return null; }
        public Object[] getExecutableParameters() { return null; }
        public Object getExecutableReturnValue() { return null; }
        public Path getPropertyPath() { return path; }
        public Object getInvalidValue() { return null; }
        public ConstraintDescriptor<?> getConstraintDescriptor() { return null; }
        public <U> U unwrap(Class<U> type) { throw new UnsupportedOperationException(); }
    }

    private static String field(Node... nodes) {
        return ConstraintViolationMapper.fieldName(new Violation(new NodePath(Arrays.asList(nodes))));
    }

    private static Node method(String name) { return new Node(name, ElementKind.METHOD); }
    private static Node parameter(String name) { return new Node(name, ElementKind.PARAMETER); }
    private static Node property(String name) { return new Node(name, ElementKind.PROPERTY); }

    @Test
    void aRequestBodyPropertyIsNamedWithoutMethodAndParameter() {
        assertEquals("title", field(method("create"), parameter("request"), property("title")));
    }

    @Test
    void nestedPropertiesAreDotted() {
        assertEquals("address.street",
                field(method("create"), parameter("request"), property("address"), property("street")));
    }

    @Test
    void aViolatedParameterItselfIsNamedByTheParameter() {
        assertEquals("limit", field(method("list"), parameter("limit")));
        assertEquals("arg0", field(new Node("SignupResource", ElementKind.CONSTRUCTOR), parameter("arg0")));
    }

    @Test
    void aDirectlyValidatedBeanNamesItsProperty() {
        // validator.validate(signupRequest), as SignupResource does
        assertEquals("adminEmail", field(property("adminEmail")));
    }
}
