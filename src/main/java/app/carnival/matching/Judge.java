package app.carnival.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides many posts against many assignments (the "decide" stage of polling, re-matching and
 * registration), skipping pairs that cannot match and have nothing to undo, and says which posts'
 * own pages are worth fetching. Pure: the callers fetch the pages and record the outcome.
 */
public final class Judge {

    /**
     * One post to judge.
     *
     * @param key             the caller's handle for the post (a post id, an entry's index)
     * @param pageLinks       the post page's main-content links, null when not fetched
     * @param mayHaveResponse a response may exist already, so a non-match must be decided (to undo it)
     */
    public record Subject(long key, PostFacts facts, List<String> pageLinks, boolean mayHaveResponse) {

        public Subject withPageLinks(List<String> links) {
            return new Subject(key, facts, links, mayHaveResponse);
        }
    }

    /** The decision for one post and one assignment. */
    public record Judgement(long key, AssignmentCriteria assignment, MatchDecision decision) {}

    private Judge() {}

    public static List<Judgement> judge(Collection<AssignmentCriteria> assignments, Collection<Subject> subjects) {
        List<Judgement> judgements = new ArrayList<>();
        for (Subject s : subjects) {
            List<AssignmentCriteria> worth = assignments.stream()
                    .filter(a -> s.mayHaveResponse() || inWindow(a, s.facts()))
                    .toList();
            if (worth.isEmpty()) {
                continue; // cannot match anything and has nothing to undo: no link work at all
            }
            // One call for all of them: the post's links are normalized once, not once per assignment.
            List<MatchDecision> decisions = Matcher.decideAll(worth, s.facts(), s.pageLinks());
            for (int i = 0; i < worth.size(); i++) {
                judgements.add(new Judgement(s.key(), worth.get(i), decisions.get(i)));
            }
        }
        return judgements;
    }

    /** Posts whose page could still turn a non-match into a match: fetch those pages, then judge them again. */
    public static Set<Long> pagesWanted(Collection<Judgement> judgements, Map<Long, Subject> subjects) {
        return judgements.stream()
                .filter(j -> j.decision().wantsPage())
                .map(Judgement::key)
                .filter(key -> subjects.get(key).facts().url() != null)
                .collect(Collectors.toSet());
    }

    /** Cannot match: outside the window, grace included (a post without date cannot match either). */
    private static boolean inWindow(AssignmentCriteria a, PostFacts p) {
        return p.published() != null
                && !p.published().isBefore(a.opensAt())
                && !p.published().isAfter(a.graceEndsAt());
    }
}
