package dev.crmkit.examples.cli;

import dev.crmkit.examples.cli.leadimport.CsvFormat;
import dev.crmkit.examples.cli.leadimport.Printable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * {@code --encoding}: the encoding of the CSV files a command reads. UTF-8 unless given; a byte that is not valid in
 * the encoding is refused with its line and byte offset, never replaced.
 */
public final class EncodingOption {

    @Option(names = "--encoding", paramLabel = "CHARSET", converter = Converter.class,
            description = "The encoding of the CSV files: UTF-8 (default; a byte order mark is skipped), "
                    + "ISO-8859-1, windows-1252, UTF-16 ... A byte that is not valid in it is refused, naming its "
                    + "line and byte offset; nothing is replaced.")
    Charset charset = StandardCharsets.UTF_8;

    /** The encoding given, or UTF-8. */
    public Charset charset() {
        return charset;
    }

    /** A CSV format in this encoding, its delimiter detected from the header line. */
    public CsvFormat format() {
        return CsvFormat.of(charset);
    }

    /** Reads a charset name. */
    static final class Converter implements ITypeConverter<Charset> {
        @Override
        public Charset convert(String value) {
            try {
                return Charset.forName(value.strip());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new TypeConversionException("'" + Printable.of(value) + "' is not an encoding this Java "
                        + "knows; give one such as UTF-8, ISO-8859-1, windows-1252 or UTF-16");
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("an encoding name is required, such as UTF-8 or ISO-8859-1");
            }
        }
    }
}
