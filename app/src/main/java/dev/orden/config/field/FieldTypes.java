package dev.orden.config.field;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every field type, by the name a definition uses. */
public final class FieldTypes {

    private static final Map<String, FieldType> BY_NAME = List.of(
                    new TextType(), new LongTextType(), new NumberType(), new MoneyType(), new DateType(),
                    new DateTimeType(), new BooleanType(), new SelectType(), new MultiSelectType(), new UserType(),
                    new EmailType(), new PhoneType(), new UrlType(), new LocationType(), new AttachmentType())
            .stream().collect(Collectors.toUnmodifiableMap(FieldType::name, Function.identity()));

    private FieldTypes() {}

    public static Optional<FieldType> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }
}
