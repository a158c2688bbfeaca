from rest_framework import serializers


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, default="", help_text="Zoekvraag")
    page = serializers.IntegerField(required=False, default=1, help_text="Paginanummer (vanaf 1)")
    page_size = serializers.IntegerField(required=False, default=10, help_text="Resultaten per pagina (max. 50)")


class ResultSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    type = serializers.CharField(help_text="story, method, publication, tip of atelier")
    municipality = serializers.CharField(allow_blank=True)
    summary = serializers.CharField(allow_blank=True)
    highlight = serializers.CharField(
        allow_blank=True, help_text="HTML-veilige tekst; alleen <mark>-elementen markeren de zoekwoorden."
    )


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    count = serializers.IntegerField()


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField()
    total = serializers.IntegerField()
    approximate = serializers.BooleanField(
        help_text="Brede zoekvraag: total en de facetaantallen zijn schattingen, en alleen de best passende "
        "resultaten zijn door te bladeren (num_pages). Filters of een specifiekere zoekvraag maken ze exact."
    )
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    results = ResultSerializer(many=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True))
    suggestion = serializers.CharField(allow_blank=True, help_text="Verbeterde zoekvraag (bedoelde u …?)")
    message = serializers.CharField(allow_blank=True)
    degraded = serializers.BooleanField(
        help_text="true wanneer de uitgebreide zoekmachine niet bereikbaar was en de eenvoudige "
        "zoekfunctie (database) deze resultaten gaf; `message` zegt het dan ook."
    )


class AutocompleteResponseSerializer(serializers.Serializer):
    suggestions = serializers.ListField(child=serializers.CharField())
