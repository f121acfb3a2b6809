package dev.crmkit.examples.cli.service;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crm service}: the service business (service plans), each task a subcommand. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "The service business: next computes a service plan's next due date without a store; due lists "
                + "the service due and overdue in a week from the store; remind sends the reminders due on a day.",
        subcommands = {NextCommand.class, DueCommand.class, RemindCommand.class, CommandLine.HelpCommand.class})
public final class ServiceCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: next, due or remind");
    }
}
