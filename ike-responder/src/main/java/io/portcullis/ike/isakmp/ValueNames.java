package io.portcullis.ike.isakmp;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Names of the constants of an open value type, found by scanning its public static final
 * fields of its own type, so each value type lists a constant exactly once. Call it from a
 * static initializer placed after the constants.
 */
final class ValueNames<T> {

    private final String typeName;
    private final Map<Integer, T> constants = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    private ValueNames(Class<T> type, ToIntFunction<T> value) {
        this.typeName = type.getSimpleName();
        for (Field field : type.getFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() == type && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)) {
                try {
                    T constant = type.cast(field.get(null));
                    int code = value.applyAsInt(constant);
                    // the first name wins, so an alias declared later does not rename the value
                    constants.putIfAbsent(code, constant);
                    names.putIfAbsent(code, field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("public constant not readable: " + field, e);
                }
            }
        }
    }

    static <T> ValueNames<T> scan(Class<T> type, ToIntFunction<T> value) {
        return new ValueNames<>(type, value);
    }

    /** The declared constant for {@code value}, or null when the value is not a known one. */
    T constant(int value) {
        return constants.get(value);
    }

    boolean isKnown(int value) {
        return names.containsKey(value);
    }

    /** "SHA2_256" for a known value, "HashAlgorithm(99)" for an unknown one. */
    String describe(int value) {
        String name = names.get(value);
        return name != null ? name : typeName + "(" + value + ")";
    }

    static int checkRange(int value, int max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " out of range 0.." + max + ": " + value);
        }
        return value;
    }
}
