/**
 * The README's embedding example: crmkit wired with the in-memory store in a plain Java program, run by a test on
 * every build.
 */
package dev.crmkit.examples;
