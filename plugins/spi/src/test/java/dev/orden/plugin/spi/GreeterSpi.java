package dev.orden.plugin.spi;

public class GreeterSpi implements Spi {

    public interface Greeter extends Provider {
        String greet(String name);
    }

    public interface GreeterFactory extends ProviderFactory<Greeter> {}

    @Override
    public String getName() {
        return "greeter";
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return Greeter.class;
    }

    @Override
    public Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return GreeterFactory.class;
    }

    public static class PlainGreeterFactory implements GreeterFactory {
        String salutation;
        boolean postInitSawRegistry;

        @Override
        public String getId() {
            return "plain";
        }

        @Override
        public void init(ProviderConfig config) {
            salutation = config.get("salutation", "Hello");
        }

        @Override
        public void postInit(ProviderRegistry registry) {
            postInitSawRegistry = registry.factories(Greeter.class).size() == 2;
        }

        @Override
        public Greeter create(PluginSession session) {
            return name -> salutation + " " + name + " from " + session.tenantId();
        }
    }

    public static class LoudGreeterFactory implements GreeterFactory {
        @Override
        public String getId() {
            return "loud";
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        public Greeter create(PluginSession session) {
            return name -> "HEY " + name.toUpperCase();
        }
    }
}
