package dev.candor.forensics.bench;

import dev.candor.forensics.image.DcJpegDecoder;
import dev.candor.forensics.image.Hashing;
import dev.candor.forensics.pdq.PdqHasher;
import dev.candor.forensics.pdq.PdqResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Decode + PDQ of a 12-megapixel JPEG: the 1/8-scale DC path against ImageIO full decode + full-size PDQ. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeAndHashBenchmark {

    byte[] jpeg;

    @Setup
    public void setUp() {
        jpeg = BenchmarkPhotos.photo12mp();
    }

    @Benchmark
    public PdqResult reducedDecodeAndPdq() {
        return Hashing.pdq(DcJpegDecoder.decode(jpeg));
    }

    @Benchmark
    public PdqResult imageIoFullDecodeAndFullSizePdq() throws IOException {
        return PdqHasher.hash(ImageIO.read(new ByteArrayInputStream(jpeg)));
    }
}
