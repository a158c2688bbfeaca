"""The image form (WAGTAILIMAGES_IMAGE_FORM_BASE): Wagtail's, plus the first step of its multiple upload.

That step posts only a title and a file and then shows, under each upload, the full edit form
that asks for the text alternative. Refusing the upload there would make the multiple upload
unusable; a picture saved that way without one cannot be chosen for a page
(`pictures.models.check_usable`) until someone writes it.
"""

from wagtail.images.forms import BaseImageForm


class PictureForm(BaseImageForm):
    def _post_clean(self):
        if self.is_bound and "description" in self.fields and self.add_prefix("description") not in self.data:
            self.instance.alt_text_asked_next = True
        super()._post_clean()
