import { describe, expect, it } from "vitest";
import { isSimilarName, nameKey } from "../../src/clients/name-key.js";

describe("nameKey", () => {
  it.each([
    ['ООО "Ромашка"', "ромашка"],
    ["ООО «Ромашка»", "ромашка"],
    ["ооо“Ромашка”", "ромашка"],
    ["Ёлка", "елка"],
    ["ИП Иванов Пётр", "иванов петр"],
    ["ПАО Сбербанк", "сбербанк"],
    ["АО «Тинькофф Банк»", "тинькофф банк"],
    ["ЗАО Вектор", "вектор"],
    ["ОАО Вектор", "вектор"],
    ["Acme Corp.", "acme corp"],
    ["  ACME   Corp ", "acme corp"],
    ["Acme, Inc.", "acme"],
    ["Acme LLC", "acme"],
    ["Acme Ltd.", "acme"],
    ["Acme Limited", "acme"],
    ["Siemens GmbH", "siemens"],
    ["Infosys Pvt. Ltd.", "infosys"],
    ["Tata Consultancy Private Limited", "tata consultancy"],
    ["Private Bank", "private bank"], // "private" alone is part of the name
    ["McDonald's", "mcdonalds"],
    ["Coca-Cola", "coca cola"],
    ["रिलायंस इंडस्ट्रीज़ लिमिटेड", "रिलायंस इंडस्ट्रीज़ लिमिटेड"], // Devanagari vowel signs survive
    ["ИП", "ип"], // nothing but a legal form: kept rather than emptied
    ["", ""],
  ])("%j → %j", (name, key) => {
    expect(nameKey(name)).toBe(key.normalize("NFKC"));
  });
});

describe("isSimilarName", () => {
  it.each([
    ['ООО "Ромашка"', "Ромашка", true],
    ["Acme Corp", "ACME Corp.", true],
    ["Acme", "Apex", false],
    ["Ромашка", "Ромошка", true], // one typo
    ["Ромашка", "Ромашк", true],
    ["Ромашка", "Лютик", false],
    ["Иванов и партнёры", "Иванов и партнеры", true],
    ["Tata Consultancy Services", "Tata Consultancy Servises", true],
    ["Tata Consultancy Services", "Tata Consulting Services", true], // 3 edits, 15% of 25 allows 3
    ["Tata Motors", "Tata Steel", false],
    ["Ромашка", "Ромашка-2", false], // 2 edits, 15% of 9 allows only 1
    ["Acme Inc", "Acme", true],
    ["Abc", "Abd", false], // short keys must match exactly
    ["Abc", "ABC LLC", true],
    ["Abcd", "Abce", true],
    ["Abcd", "Abef", false],
    ["", "", false], // an empty key is nobody's name
    ["!!!", "???", false],
  ])("%j ~ %j is %s", (a, b, similar) => {
    expect(isSimilarName(a, b)).toBe(similar);
    expect(isSimilarName(b, a)).toBe(similar);
  });
});
