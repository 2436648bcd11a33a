using PersonaMedia.Fuzz;

namespace PersonaMedia.WebApi.FunctionalTests.Fuzz;

/// <summary>
/// The fuzzing corpus (<c>fuzz/corpus/&lt;target&gt;/</c>: the seeds, and every crash <c>scripts/fuzz.sh</c>
/// ever found, kept as <c>crash-*</c>) replayed through the same targets AFL++ fuzzes: each input must
/// pass its target. Fast, so it is part of every run; the long fuzzing is <c>scripts/test.sh --fuzz</c>.
/// </summary>
public class FuzzCorpusTests
{
    private static readonly string Corpus = Path.Combine(Support.PublishedApp.RepositoryRoot(), "fuzz", "corpus");

    public static IEnumerable<TestCaseData> Inputs() =>
        Directory.EnumerateDirectories(Corpus).Order(StringComparer.Ordinal)
            .SelectMany(folder => Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
                .Select(file => new TestCaseData(Path.GetFileName(folder), Path.GetFileName(file)).SetArgDisplayNames(Path.GetFileName(folder), Path.GetFileName(file))));

    [TestCaseSource(nameof(Inputs))]
    public void Every_corpus_input_passes_its_target(string target, string input)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Corpus, target, input));

        Assert.DoesNotThrow(() => FuzzTargets.All[target](bytes));
    }

    [Test]
    public void Every_target_has_a_corpus_and_every_corpus_folder_is_a_target()
    {
        var folders = Directory.EnumerateDirectories(Corpus).Select(Path.GetFileName);

        Assert.That(folders, Is.EquivalentTo(FuzzTargets.All.Keys));
    }
}

/// <summary>The multipart corpus (the crashes fuzzing found among it) sent as real uploads: refused with 4xx, never a 500, nothing stored.</summary>
public class FuzzedUploadTests(TestEnvironment environment) : FunctionalTestBase(environment)
{
    private static readonly string Multipart = Path.Combine(Support.PublishedApp.RepositoryRoot(), "fuzz", "corpus", "multipart");

    public static IEnumerable<string> Bodies() => Directory.EnumerateFiles(Multipart).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Bodies))]
    public async Task A_fuzzed_multipart_body_is_answered_without_a_server_error(string body)
    {
        var user = await App.CreateUserAsync();
        var persona = await user.CreatePersonaAsync();
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Multipart, body)));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=fuzz");

        using var response = await user.Http.PostAsync(Support.Uploads.ImageUrl(persona), content);

        Assert.That((int)response.StatusCode, Is.LessThan(500), await response.Content.ReadAsStringAsync());
        if (!response.IsSuccessStatusCode)
        {
            Assert.That(await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.MediaFiles)), Is.Zero);
        }
    }
}
