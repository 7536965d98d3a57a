package dev.orden.attachment;

import dev.orden.plugin.spi.PluginSession;
import dev.orden.plugin.spi.ProviderConfig;
import dev.orden.plugin.storage.ContentScanner;
import dev.orden.plugin.storage.ContentScannerFactory;
import dev.orden.plugin.storage.ScanVerdict;

/**
 * The built-in scanner {@code eicar}: refuses the EICAR test file ({@link Eicar}), so that the whole refusal path
 * (422, nothing stored, a history entry) can be tried on any server without a virus engine. A real engine (ClamAV)
 * comes as a plugin beside it; {@code orden.plugin.content-scanner.eicar.enabled=false} switches this one off.
 */
public class EicarScannerFactory implements ContentScannerFactory {

    public static final String ID = "eicar";

    private boolean enabled = true;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String description() {
        return "Refuses the EICAR anti-virus test file";
    }

    @Override
    public void init(ProviderConfig config) {
        enabled = config.getBoolean("enabled", true);
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public ContentScanner create(PluginSession session) {
        return (file, content) -> file.size() <= Eicar.MAX_LENGTH && Eicar.matches(content)
                ? ScanVerdict.infected(Eicar.SIGNATURE) : ScanVerdict.clean();
    }
}
