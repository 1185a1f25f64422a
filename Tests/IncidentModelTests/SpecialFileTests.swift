import Foundation
import Testing
@testable import IncidentModel

#if canImport(Glibc)
import Glibc
#endif

/// Only regular files are read: pipes, folders, dangling links and link loops are refused
/// with a message naming what they are, without blocking, and every file of a set is reported.
struct SpecialFileTests {
    /// A named pipe with no writer: opening it for reading in the ordinary way would wait forever.
    @Test func refusesANamedPipeWithoutBlocking() throws {
        let directory = try TemporaryDirectory()
        let pipe = directory.file("children.csv")
        #expect(mkfifo(pipe, 0o600) == 0)
        #expect(throws: FileReadError.notARegularFile(path: pipe, what: "a named pipe (FIFO)")) {
            try FileBytes.read(path: pipe)
        }
        let dataset = try DatasetLoader.load(paths: [pipe], zone: Fixture.zone)
        let report = try #require(dataset.reports.first)
        #expect(report.failed)
        #expect(report.diagnostics.first?.description.contains("named pipe") == true)
    }

    @Test func namesASymlinkLoop() throws {
        let directory = try TemporaryDirectory()
        let a = directory.file("a.csv"), b = directory.file("b.csv")
        #expect(symlink(b, a) == 0)
        #expect(symlink(a, b) == 0)
        #expect(throws: FileReadError.symlinkLoop(path: a)) { try FileBytes.read(path: a) }
        #expect(throws: DatasetLoadError.unreadable(.symlinkLoop(path: a))) {
            try DatasetLoader.load(paths: [a], zone: Fixture.zone)
        }
    }

    @Test func namesADanglingLink() throws {
        let directory = try TemporaryDirectory()
        let link = directory.file("forces.csv")
        #expect(symlink(directory.file("gone.csv"), link) == 0)
        #expect(throws: FileReadError.danglingLink(path: link)) { try FileBytes.read(path: link) }
    }

    /// One SSDA903 table is a folder: it is reported unreadable, and the two others are
    /// reported as not read, their rows unknown, rather than left unmentioned.
    @Test func reportsEveryTableOfASetWithOneUnreadable() throws {
        let directory = try TemporaryDirectory()
        try directory.write("header.csv", "CHILD,SEX,DOB\n1,1,01/01/2008\n")
        try FileManager.default.createDirectory(atPath: directory.file("episodes.csv"), withIntermediateDirectories: false)
        try directory.write("missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END\n1,01/01/2008,M,05/03/2017,\n")
        let dataset = try SSDA903Loader.load(paths: [directory.path], authority: "916", zone: Fixture.zone)
        #expect(dataset.reports.map(\.file) == ["header.csv", "episodes.csv", "missing.csv"])
        let episodes = try #require(dataset.report(.ssda903Episodes))
        #expect(episodes.failed && !episodes.notRead)
        #expect(episodes.diagnostics.first?.description.contains("a folder") == true)
        for kind in [SourceFileKind.ssda903Header, .ssda903Missing] {
            let report = try #require(dataset.report(kind))
            #expect(report.notRead)
            #expect(report.diagnostics.first?.description.contains("not read, because") == true)
            #expect(report.diagnostics.first?.description.contains("episodes.csv") == true)
        }
        #expect(dataset.episodes.isEmpty && dataset.children.isEmpty)
    }
}
