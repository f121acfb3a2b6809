package dev.crmkit.examples.cli.campaigns;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crm campaigns}: the triggered campaigns; {@code preview} lists what is due, {@code run} sends it; {@code ab}
 * keeps the A/B tests, {@code templates} the message templates.
 */
@Command(name = "campaigns", mixinStandardHelpOptions = true,
        description = "Triggered campaigns: the birthday offer (7 days ahead, valid a week) and the win-back steps "
                + "(9, 12, 15, ... months after the last order; lost after 3 years).",
        subcommands = {PreviewCommand.class, RunCommand.class, SegmentsCommand.class, EventCommand.class,
                AbCommand.class, TemplatesCommand.class})
public final class CampaignsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: preview, run, segments, event, ab, templates");
    }
}
