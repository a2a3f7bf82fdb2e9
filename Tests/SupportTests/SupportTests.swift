import Foundation
import Testing

@testable import Support

@Suite("Process-wide support: the cache folder and OpenBLAS's kernels")
struct SupportTests {
    @Test("the cache is $VERIREASON_HOME when set, else ~/.cache/verireason")
    func cacheFolder() {
        #expect(VerireasonHome.url(environment: ["VERIREASON_HOME": "/data/vr"]).path == "/data/vr")
        let home = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/verireason").path
        #expect(VerireasonHome.url(environment: [:]).path == home)
        #expect(VerireasonHome.url(environment: ["VERIREASON_HOME": ""]).path == home, "an empty value is unset")
    }

    @Test("OpenBLAS gets the AVX-512 kernels with AVX-512, the AVX2 ones with AVX2 and FMA, else its own choice")
    func kernelChoice() {
        let avx2: Set = ["sse3", "avx", "avx2", "fma"]
        #expect(OpenBLASCoreType.coreType(forFlags: avx2.union(["avx512f", "avx512bw", "avx512dq", "avx512vl"])) == "SkylakeX")
        #expect(OpenBLASCoreType.coreType(forFlags: avx2.union(["avx512f"])) == "Haswell", "partial AVX-512 is not enough")
        #expect(OpenBLASCoreType.coreType(forFlags: avx2) == "Haswell")
        #expect(OpenBLASCoreType.coreType(forFlags: ["sse3", "avx"]) == nil)
    }
}
