package io.jenkins.plugins.securepipeline.plugin.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks the declared types of what gets serialized from a root type: the type itself, the non-static, non-transient
 * fields of the plugin's and core's classes (superclasses included), the type arguments of collections, array
 * components. Each reached type is judged by the rules of where the bytes go ({@link Destination}). Declared types are
 * what a compiler knows; a field declared {@code Object} or as another open interface cannot be judged and is a
 * problem in itself.
 */
final class SerializedFields {
    enum Destination {
        /** From an agent to the controller, or into build.xml / the global configuration by XStream: the class filter. */
        CLASS_FILTER,
        /** Into program.dat (JBoss Marshalling, no class filter): everything must be serializable, secrets as Secret. */
        PROGRAM_DAT
    }

    /** JDK collection interfaces whose usual implementations (ArrayList, List.of, copyOf, ...) are all safe. */
    private static final Set<Class<?>> COLLECTION_INTERFACES = Set.of(List.class, Set.class, Map.class, Collection.class,
            java.util.SortedMap.class, java.util.SortedSet.class, java.util.NavigableMap.class);
    /** Jenkins types workflow-support can write into program.dat (Secret encrypted, the others through pickles). */
    private static final Set<String> PICKLED_JENKINS_TYPES = Set.of("hudson.util.Secret", "hudson.FilePath",
            "hudson.EnvVars", "hudson.model.TaskListener");
    /** Field names that say the value is a secret: such a value in program.dat must be a Secret. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passphrase|token|privatekey|credential(?!sid)).*");

    private final Destination destination;
    private final Collection<Class<?>> pluginClasses;
    private final List<String> problems = new ArrayList<>();
    private final Set<Type> seen = new HashSet<>();

    private SerializedFields(Destination destination, Collection<Class<?>> pluginClasses) {
        this.destination = destination;
        this.pluginClasses = pluginClasses;
    }

    /** @param pluginClasses every class of the plugin: an abstract plugin type stands for all its subclasses */
    static List<String> problems(Type root, Destination destination, Collection<Class<?>> pluginClasses) {
        SerializedFields walk = new SerializedFields(destination, pluginClasses);
        walk.type(root, root.getTypeName());
        return walk.problems;
    }

    private void type(Type type, String path) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            type(parameterized.getRawType(), path);
            for (Type argument : parameterized.getActualTypeArguments()) {
                type(argument, path + "<>");
            }
        } else if (type instanceof GenericArrayType array) {
            type(array.getGenericComponentType(), path + "[]");
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                type(bound, path);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            problems.add(path + ": type variable " + variable + " (declare a concrete type)");
        } else if (type instanceof Class<?> c) {
            classType(c, path);
        }
    }

    private void classType(Class<?> c, String path) {
        if (c.isPrimitive()) {
            return;
        }
        if (c.isArray()) {
            type(c.getComponentType(), path + "[]");
            return;
        }
        if (COLLECTION_INTERFACES.contains(c)) {
            return;
        }
        String name = c.getName();
        if (JenkinsClassFilter.isJenkinsOrPluginApi(name)) {
            if (destination == Destination.PROGRAM_DAT && !PICKLED_JENKINS_TYPES.contains(name)
                    && !JenkinsClassFilter.isSerializable(c)) {
                problems.add(path + ": " + name + " cannot be written to program.dat (make the field transient)");
            }
            return;
        }
        if (c == Object.class || (c.isInterface() && !c.isEnum() && !JenkinsClassFilter.isPluginClass(c))) {
            problems.add(path + ": declared as " + name + ", so what is serialized cannot be told (declare a concrete type)");
            return;
        }
        if (destination == Destination.CLASS_FILTER) {
            String rejection = JenkinsClassFilter.rejection(c);
            if (rejection != null) {
                problems.add(path + ": " + rejection);
                return;
            }
        } else if (!JenkinsClassFilter.isSerializable(c)) {
            problems.add(path + ": " + name + " is not serializable");
            return;
        }
        if (JenkinsClassFilter.isPluginClass(c) || JenkinsClassFilter.isCoreJarClass(c)) {
            fields(c, path);
            if (Modifier.isAbstract(c.getModifiers())) {
                for (Class<?> subclass : pluginClasses) {
                    if (subclass != c && c.isAssignableFrom(subclass) && !Modifier.isAbstract(subclass.getModifiers())) {
                        classType(subclass, path + "(" + subclass.getSimpleName() + ")");
                    }
                }
            }
        }
    }

    private void fields(Class<?> c, String path) {
        for (Class<?> k = c; k != null && k != Object.class && !JenkinsClassFilter.isJenkinsOrPluginApi(k.getName())
                && !k.getName().startsWith("java."); k = k.getSuperclass()) {
            for (Field field : k.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                    continue;
                }
                String fieldPath = path + "." + field.getName();
                if (destination == Destination.PROGRAM_DAT && holdsPlainSecret(field)) {
                    problems.add(fieldPath + ": a secret held as " + field.getType().getSimpleName()
                            + " would be stored in plain text in program.dat (use hudson.util.Secret)");
                }
                type(field.getGenericType(), fieldPath);
            }
        }
    }

    private static boolean holdsPlainSecret(Field field) {
        Class<?> type = field.getType();
        boolean plain = type == String.class || type == char[].class || type == byte[].class;
        return plain && SECRET_NAME.matcher(field.getName()).matches();
    }
}
