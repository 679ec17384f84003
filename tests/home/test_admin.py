"""Editing an article in the admin: the reused-content rule shows on the form; royalties record who entered them."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.news import NewsPage, Royalty


def article_form(title, **fields):
    return nested_form_data(
        {
            "title": title,
            "slug": "tin-qua-admin",
            "lead": "Sa pô của tin.",
            "body": rich_text("<p>Nội dung.</p>"),
            "royalties": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "1",
            **fields,
        }
    )


def add_url(news_index, site):
    return reverse("wagtailadmin_pages:add", args=["home", "newspage", news_index(site).pk])


def test_publishing_a_reused_article_without_its_source_is_refused_on_the_form(client, hanoi_board, hanoi, news_index):
    client.force_login(hanoi_board)

    response = client.post(add_url(news_index, hanoi), article_form("Tin lấy lại", reused="on", author="Minh Anh"))

    assert response.status_code == 200
    assert "source" in response.context["form"].errors and "source_url" in response.context["form"].errors
    assert not NewsPage.objects.filter(slug="tin-qua-admin").exists()


def test_a_royalty_entered_with_the_article_records_who_entered_it(client, hanoi_board, hanoi, news_index):
    client.force_login(hanoi_board)
    royalty = {"author_name": "Minh Anh", "amount": "300000", "recorded_at": "2026-11-20 10:00"}

    response = client.post(
        add_url(news_index, hanoi), article_form("Tin có nhuận bút", royalties=inline_formset([royalty]))
    )

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    article = NewsPage.objects.get(slug="tin-qua-admin")
    assert article.live
    assert list(Royalty.objects.filter(page=article).values_list("author_name", "amount", "recorded_by")) == [
        ("Minh Anh", 300_000, hanoi_board.pk)
    ]


def test_the_share_button_shows_for_the_board_only(client, hanoi_board, hanoi_editor, hanoi, add_news):
    article = add_news(hanoi, "Tin Hà Nội")
    share_url = reverse("home_news_share", args=[article.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])

    client.force_login(hanoi_board)
    assert share_url in client.get(edit_url).content.decode()
    assert "Đề xuất lên cổng quốc gia" in client.get(share_url).content.decode()
    client.force_login(hanoi_editor)
    assert share_url not in client.get(edit_url).content.decode()
