"""An uploaded image shows: on the article and in the list (renditions with srcset), and at an absolute, answering
URL in the API (the article's image, images inside its body, a leader's photo)."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.contacts.factories import OfficeFactory
from tests.support.sites import HANOI, NEWS


@pytest.fixture
def photo(db):
    """A generated PNG (1600×1200, plain white: a few kilobytes) uploaded as a Wagtail image."""
    return Image.objects.create(title="Hội nghị", file=get_test_image_file(filename="hoi-nghi.png", size=(1600, 1200)))


@pytest.fixture
def article(add_news, hanoi, photo):
    body = f'<p>Mở đầu.</p><embed alt="Toàn cảnh" embedtype="image" format="fullwidth" id="{photo.pk}"/>'
    return add_news(hanoi, "Tin có ảnh", image=photo, image_alt="Quang cảnh hội nghị", body=body)


def fetch(client, url):
    """GET an absolute or relative URL through the test client, with its host."""
    parts = urlsplit(url)
    return client.get(parts.path, HTTP_HOST=parts.netloc or HANOI)


def assert_is_png(client, url):
    response = fetch(client, url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_the_article_shows_its_image_as_renditions_with_srcset(client, article):
    page = BeautifulSoup(fetch(client, article.url_path.removeprefix("/hanoi")).content, "html.parser")

    img = page.select_one("figure img")
    assert img["alt"] == "Quang cảnh hội nghị"
    widths = [candidate.split()[1] for candidate in img["srcset"].split(", ")]
    assert sorted(widths, key=lambda width: int(width[:-1])) == ["480w", "960w", "1440w"]
    assert ".width-960." in img["src"]  # what a browser without srcset shows
    assert img["sizes"]
    for candidate in [img["src"], *(c.split()[0] for c in img["srcset"].split(", "))]:
        assert candidate.startswith("/media/images/")
        assert_is_png(client, candidate)


def test_the_list_shows_thumbnails_with_a_double_density_one(client, article):
    page = BeautifulSoup(fetch(client, NEWS).content, "html.parser")

    img = page.select_one(".news-item img")
    assert img["alt"] == "Quang cảnh hội nghị" and img["loading"] == "lazy"
    assert (img["width"], img["height"]) == ("240", "160")
    assert [candidate.split()[1] for candidate in img["srcset"].split(", ")] == ["240w", "480w"]
    assert_is_png(client, img["src"])


def test_the_api_gives_absolute_image_urls_that_answer(client, article, photo):
    listed = client.get("/api/v1/news/", HTTP_HOST=HANOI).json()["items"][0]["image"]
    detail = client.get(f"/api/v1/news/{article.pk}/", {"site": HANOI}, HTTP_HOST="localhost").json()

    assert listed == {"url": f"http://{HANOI}{photo.file.url}", "alt": "Quang cảnh hội nghị"}
    assert photo.file.url.startswith("/media/original_images/hoi-nghi")
    assert detail["image"] == listed  # the site asked about, not the host that was asked
    assert_is_png(client, listed["url"])
    body = BeautifulSoup(detail["body"], "html.parser")
    inline = body.select_one("img")["src"]
    assert inline.startswith(f"http://{HANOI}/media/images/")
    assert_is_png(client, inline)


def test_a_leaders_photo_url_is_absolute_and_answers(client, hanoi, photo):
    office = OfficeFactory(site=hanoi, name="BHXH thành phố Hà Nội")
    office.leaders.filter(is_head=True).update(photo=photo)

    units = client.get("/api/v1/contacts/", HTTP_HOST=HANOI).json()["items"]
    photos = [leader["photo_url"] for unit in units for leader in unit["leaders"] if leader["photo_url"]]

    assert photos == [f"http://{HANOI}{photo.file.url}"]
    assert_is_png(client, photos[0])
