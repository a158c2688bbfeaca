"""The typo vocabulary at a realistic size: worker start, correction cost, reload after a publish.

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_vocabulary_bench \\
        nice -n 5 .venv/bin/python benchmarks/search_vocabulary.py --words 200000

THE SEARCH INDEX OF THAT DATABASE IS WIPED: use a database of its own. It
1. fills the index's vocabulary (`IndexTerm`) with the corpus generator's realistic vocabulary
   (benchmarks/search_speed.py, `realistic_vocabulary`: seed words and compounds, Zipf counts);
2. in a fresh child process (a new worker) times the first search's vocabulary: CPU and wall
   time of `vocabulary()` plus a first `knows()`, and the process's memory growth;
3. times `correct()` for misspelt known words and for unknown words (p50/p95), and `knows()`;
4. times the first `vocabulary()` after `changed()` (what every worker pays after a rebuild), and
   after `changed([word])` (a publish adding a word: only its first letter is read again).
Both implementations in the same run: `database` (search/vocabulary.py, read in pieces) and
`memory` (the whole vocabulary stemmed into every worker, as before December 2026; a copy of
that class is below, `WholeVocabulary`). Prints Markdown with the load average.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cop_site.settings.dev")
os.environ.setdefault("SEARCH_EMBEDDING_MODEL", "")


def rss_kb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def misspelt(word, rng):
    """One typo as people make them: a letter dropped, doubled, swapped or replaced (not the first)."""
    position = rng.randint(1, len(word) - 2)
    kind = rng.choice(["drop", "double", "swap", "replace"])
    if kind == "drop":
        return word[:position] + word[position + 1 :]
    if kind == "double":
        return word[:position] + word[position] + word[position:]
    if kind == "swap":
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    return word[:position] + rng.choice("aeioulnrst") + word[position + 1 :]


class WholeVocabulary:
    """The vocabulary before December 2026: every word and its stem in every worker's memory."""

    def __init__(self, counts):
        from collections import defaultdict

        from search.analysis import stem

        self.stem = stem
        self.counts = counts
        self.stems = {stem(term) for term in counts}
        self.by_initial = defaultdict(list)
        for term in counts:
            self.by_initial[term[0]].append(term)

    def knows(self, word):
        return word in self.counts or self.stem(word) in self.stems

    def correct(self, word, extra=()):
        from search.vocabulary import edit_distance

        if len(word) < 4 or word.isdigit():
            return None
        limit = 1 if len(word) <= 5 else 2
        best, best_key = None, None
        for candidate in self.by_initial.get(word[0], ()):
            if abs(len(candidate) - len(word)) > limit:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                key = (distance, -self.counts.get(candidate, 1))
                if best_key is None or key < best_key:
                    best, best_key = candidate, key
        return best


def load_whole_vocabulary():
    from search.models import IndexTerm

    return WholeVocabulary(dict(IndexTerm.objects.values_list("term", "doc_count").iterator(chunk_size=5000)))


def child(samples, implementation):
    """A new worker: its first vocabulary, then corrections."""
    import django

    django.setup()
    from search import vocabulary as vocabulary_module

    load = vocabulary_module.vocabulary if implementation == "database" else load_whole_vocabulary
    before_rss = rss_kb()
    cpu, wall = time.process_time(), time.perf_counter()
    vocabulary = load()
    vocabulary.knows("jongeren")
    start = {
        "cpu_s": time.process_time() - cpu,
        "wall_s": time.perf_counter() - wall,
        "rss_mb": (rss_kb() - before_rss) / 1024,
    }
    timings = {}
    for kind, words in samples.items():
        values = []
        for word in words:
            started = time.perf_counter()
            if kind == "knows":
                vocabulary.knows(word)
            else:
                vocabulary.correct(word)
            values.append((time.perf_counter() - started) * 1000)
        timings[kind] = values
    # A publish that adds a word with another first letter than the next correction's.
    first = samples["correct a misspelt word"][0]
    vocabulary_module.changed(["x" if first[0] != "x" else "y"])
    wall = time.perf_counter()
    load().correct(first)
    new_word_s = time.perf_counter() - wall
    vocabulary_module.changed()
    wall = time.perf_counter()
    load().correct(first)
    reload_s = time.perf_counter() - wall
    corrections = {word: vocabulary.correct(word) for word in samples["correct a misspelt word"]}
    print(
        json.dumps(
            {
                "start": start,
                "timings": timings,
                "reload_s": reload_s,
                "new_word_s": new_word_s,
                "corrections": corrections,
            }
        )
    )


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--implementation", default="database", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(json.loads(Path(args.child).read_text()), args.implementation)

    import django

    django.setup()
    from django.core.management import call_command
    from search_speed import realistic_vocabulary

    from search.analysis import stem
    from search.models import IndexTerm
    from search.vocabulary import changed

    call_command("migrate", verbosity=0)
    words, cumulative = realistic_vocabulary(args.words)
    words = [word for word in words if 2 < len(word) <= 100 and not word.isdigit()]
    # Document counts from Zipf's law: the commonest word in most of 100,000 documents.
    IndexTerm.objects.all().delete()
    filled = time.process_time()
    IndexTerm.objects.bulk_create(
        (
            IndexTerm(term=word, stem=stem(word), doc_count=max(1, int(90_000 / rank**1.07)))
            for rank, word in enumerate(words, 1)
        ),
        batch_size=5000,
    )
    filled = time.process_time() - filled
    changed()
    rng = random.Random(3)
    long_words = [word for word in words if len(word) >= 6]
    known = set(words)
    samples = {
        "correct a misspelt word": [misspelt(word, rng) for word in rng.sample(long_words, args.samples)],
        "correct an unknown word": [
            word
            for word in (
                "".join(rng.choices("abcdefghijklmnoprstuvwz", k=rng.randint(6, 14))) for _ in range(args.samples)
            )
            if word not in known
        ],
        "knows": rng.sample(words, args.samples),
    }
    sample_file = Path("/tmp") / f"search_vocabulary_samples_{os.getpid()}.json"
    sample_file.write_text(json.dumps(samples))
    load_start = os.getloadavg()
    measured = {}
    for implementation in ("memory", "database"):
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(sample_file), "--implementation", implementation],
            capture_output=True,
            text=True,
            check=True,
        )
        measured[implementation] = json.loads(result.stdout.strip().splitlines()[-1])
    sample_file.unlink()
    print(f"## Typo vocabulary, {len(words):,} distinct words\n")
    print("Load average (1, 5, 15 min) at the start: {:.2f} {:.2f} {:.2f}\n".format(*load_start))
    print(f"Filling `IndexTerm` with stems (what a rebuild adds): {filled:.1f} s CPU.\n")
    print("| what | whole vocabulary in memory (before) | read in pieces (now) |")
    print("|---|---|---|")
    before, now = measured["memory"], measured["database"]
    print(
        f"| a new worker's first vocabulary + first lookup | {before['start']['cpu_s']:.2f} s CPU, "
        f"{before['start']['wall_s']:.2f} s wall, +{before['start']['rss_mb']:.0f} MB "
        f"| {now['start']['cpu_s']:.3f} s CPU, {now['start']['wall_s']:.3f} s wall, +{now['start']['rss_mb']:.0f} MB |"
    )
    print(
        f"| first correction after a publish (every worker) | {before['reload_s']:.2f} s "
        f"| {now['reload_s'] * 1000:.0f} ms |"
    )
    print(
        f"| first correction after a publish that adds a word of another first letter "
        f"| {before['new_word_s']:.2f} s | {now['new_word_s'] * 1000:.1f} ms |"
    )
    for kind in before["timings"]:
        b, n = before["timings"][kind], now["timings"][kind]
        print(
            f"| {kind} (p50 / p95) | {statistics.median(b):.2f} / {percentile(b, 0.95):.2f} ms "
            f"| {statistics.median(n):.2f} / {percentile(n, 0.95):.2f} ms |"
        )
    same = sum(before["corrections"][word] == now["corrections"][word] for word in before["corrections"])
    print(f"\nSame correction from both: {same} of {len(before['corrections'])} misspelt words.")
    print("\nLoad average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
