import { describe, expect, it } from "vitest";
import { parseTensorBoardCsv, tagFromCsvName } from "./tensorboard-csv";

describe("parseTensorBoardCsv", () => {
  it("reads Wall time,Step,Value rows", () => {
    const text = "Wall time,Step,Value\n1762100060.5,1,0.117\n1762100120,2,0.109\n";
    expect(parseTensorBoardCsv(text, "loss/epoch_average")).toEqual({
      ok: true,
      points: [
        { tag: "loss/epoch_average", step: 1, wallTime: 1762100060.5, value: 0.117 },
        { tag: "loss/epoch_average", step: 2, wallTime: 1762100120, value: 0.109 },
      ],
    });
  });
  it("accepts a quoted header and CRLF line ends", () => {
    expect(parseTensorBoardCsv('"Wall time","Step","Value"\r\n1,1,0.5\r\n', "x")).toMatchObject({ ok: true });
  });
  it("refuses other CSV files and broken rows, naming the line", () => {
    expect(parseTensorBoardCsv("epoch,loss\n1,0.1\n", "x")).toEqual({
      ok: false,
      message: 'Not a TensorBoard CSV export: the first line must be "Wall time,Step,Value"',
    });
    expect(parseTensorBoardCsv("Wall time,Step,Value\n1,two,0.1\n", "x")).toEqual({ ok: false, message: 'Line 2 is not "wall time,step,value" numbers' });
    expect(parseTensorBoardCsv("", "x")).toMatchObject({ ok: false });
  });
});

describe("tagFromCsvName", () => {
  it("reads the tag from TensorBoard's download name", () => {
    expect(tagFromCsvName("tb/run-sksdog-tag-loss_epoch_average.csv")).toBe("loss/epoch_average");
    expect(tagFromCsvName("run-.-tag-loss_validation_epoch_average.csv")).toBe("loss/validation/epoch_average");
    expect(tagFromCsvName("run-x-tag-loss_current.csv")).toBe("loss/current");
    expect(tagFromCsvName("loss.csv")).toBe("loss");
  });
});
